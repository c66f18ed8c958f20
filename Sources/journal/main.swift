import JournalCLI

JournalCommand.runMain()
