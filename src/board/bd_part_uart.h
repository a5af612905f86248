/* bd_part_uart.h: the `uart` part's host side: where its terminal mode
 * writes what the MCU sent and reads what the user typed.
 *
 * The board layer does no console I/O of its own: the CLI (board_runtime.c)
 * connects each uart part to the process's stdin/stdout with
 * bd_part_uart_set_terminal, and tests connect their own buffers.  Without
 * a terminal connected, terminal mode records and logs like `listen`.
 *
 * read() is called when the part has nothing left to send: return the
 * number of bytes put in buf (> 0), 0 when none are there yet (the part
 * asks again BD_PART_UART_POLL_NS of virtual time later), or -1 when input
 * has ended (the part stops asking).  A read that blocks until bytes come
 * keeps the virtual clock still meanwhile, which is what makes piped input
 * deterministic: its bytes leave back to back at the part's baud whatever
 * the pipe's timing.  write() gets each byte the part received, as it is
 * received.  Both are called from inside board events: no VM calls.
 */
#ifndef BD_PART_UART_H
#define BD_PART_UART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board/bd_part.h"

/* How often terminal mode asks read() again after a 0 (10 ms). */
#define BD_PART_UART_POLL_NS 10000000u

typedef struct {
    void (*write)(void *ctx, const uint8_t *data, size_t n);
    long (*read)(void *ctx, uint8_t *buf, size_t n);
    void *ctx;
} bd_uart_term_t;

/* Connect p's terminal mode to t (borrowed until replaced; NULL
 * disconnects).  false if p is not a uart part. */
bool bd_part_uart_set_terminal(bd_part_t *p, const bd_uart_term_t *t);
/* Whether p is a uart part in terminal mode (the CLI gives it stdin). */
bool bd_part_uart_is_terminal(const bd_part_t *p);

#endif
