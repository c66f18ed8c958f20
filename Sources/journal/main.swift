import JournalCLI
