#ifndef JOURNAL_DISPLAY_WIDTH_H
#define JOURNAL_DISPLAY_WIDTH_H
#include <stdint.h>

/* Columns a Unicode scalar takes on a terminal, as glibc's wcwidth says in a UTF-8 locale
 * (its tables follow the Unicode release glibc was built with, emoji included): 0, 1 or 2, or
 * -1 for a scalar that is not printable, or -2 when no UTF-8 locale can be made. */
int journal_display_width(uint32_t scalar);

#endif
