/* bd_pwm.h: PWM generators whose outputs are real edges on the pads.
 *
 * One model for three kinds of hardware.  A "slice" is a counter clocked at
 * clk_hz * div_den / div_num (a divider of div_num/div_den source cycles per
 * tick), counting 0..top and wrapping, so a period is (top + 1) ticks.  Each
 * of its channels is high while the counter is below its compare level cc
 * (cc = 0: always low, cc > top: always high), then optionally inverted.
 *   - rp2 (RP2040 datasheet 4.5): 8 slices x 2 channels (A, B), clk_sys
 *     (the board's cpu_hz, 125 MHz), 8.4 fractional divider (div_den = 16,
 *     div_num = DIV_INT*16 + DIV_FRAC, 16..4095), 16-bit TOP and CC.  Slice
 *     and channel are fixed per pad (GPIO n: slice (n>>1)&7, channel n&1).
 *   - esp32 LEDC (ESP32-S3 TRM): 8 channels, each modelled as its own slice
 *     with one channel, clocked from APB (80 MHz) through a 10.8 divider
 *     (div_den = 256); top = 2^res - 1 where the resolution res is the
 *     largest with 2^res <= 80 MHz / freq, at most 14 bits (ASSUMPTION: the
 *     S3's timer width); div = floor(80 MHz * 256 / (freq * 2^res)), which
 *     must be >= 256 and < 2^18 ("freq too small" below ~5 Hz: the slower
 *     clock sources the IDF can switch to are not modelled).  Channels are
 *     assigned at run time (bd_pwm_chan_for_pad picks a free one).  The 4
 *     shared LEDC timers are not modelled: each channel has its own.
 *   - stm32 (STM32H747 reference manual, general-purpose timers): slice =
 *     timer number (1..17), 4 channels, timer clock cpu_hz / 2 (240 MHz at
 *     480 MHz, ASSUMPTION: APB prescalers of the Arduino boot), prescaler
 *     PSC (div_num = PSC + 1, div_den = 1) and ARR (top; 32-bit on TIM2 and
 *     TIM5, 16-bit elsewhere), PWM mode 1.  The frequency search is that of
 *     MicroPython's stm32 timer.c: period = clk / freq, then divide by 5, 3
 *     or 2 (prescaler times the same) until it fits.
 *
 * Rounding (rp2, from MicroPython's ports/rp2/machine_pwm.c):
 *   freq:  if round(clk / f) < 65534: div16 = 16, top = round(clk / f) - 1;
 *          else div16 = ceil(16 clk / (65534 f)), top = round(16 clk /
 *          (div16 f)) - 1; div16 < 16 is "freq too large", >= 4096 "freq too
 *          small".  freq() reads back round(16 clk / (div16 (top + 1))).
 *   duty_u16: cc = (u16 (top + 1) + 32767) / 65535; read back as
 *          (cc 65535 + (top + 1) / 2) / (top + 1).
 *   duty_ns: cc = (ns tick_hz + 5e8) / 1e9 with tick_hz = round(16 clk /
 *          div16); cc > 65535 is "duty larger than period".
 *   A new freq re-applies each channel's last duty request (u16 or ns).
 * esp32: cc = u16 >> (16 - res), and 65535 means fully on (cc = 2^res).
 * stm32: the rp2 duty_u16 formula on ARR + 1 (ASSUMPTION).
 *
 * Timing.  Edges are scheduled on the board's clock at the exact times the
 * counter reaches them: tick k of a period that started at S is at
 * S + floor(k * div_num / div_den cycles) in ns, with S kept as an exact
 * fraction, so a fractional divider's periods (124999.75 cycles at 1 kHz)
 * never drift.  Register writes go to a shadow copy that the counter loads
 * at the next wrap (RP2040 TOP/CC are double-buffered; the same is assumed
 * for the divider and the other ports), so a change of duty or frequency
 * takes effect at the period boundary.  Enabling starts a period at once
 * (rp2: the counter from 0, outputs high while counter < CC, RP2040
 * datasheet 4.5, so PWM(pin, freq=, duty_u16=) is high at the call).  The
 * stm32 timers add bd_pwm_restart (UG), bd_pwm_set_chan_now (a compare
 * written past the shadow copy) and wrap hooks (update events), below.
 * Disabling stops the counter: outputs hold their level (as on the RP2040).
 * A slice whose outputs cannot change (duty 0 or 100 %, or no pad) runs no
 * events at all, so a sleep over it costs nothing.
 *
 * Pads.  bd_pwm_attach puts a pad in ALT mode (rp2 function 4, stm32 the
 * timer's AF) driven by the channel; bd_pwm_detach (deinit) gives it back
 * to GPIO in the mode, pull and alt it had before.  A channel may drive up
 * to BD_PWM_MAX_PADS pads (rp2 GPIO0 and GPIO16 are both slice 0 A).
 *
 * Status codes: BD_ERR_INVAL for an out-of-range slice/channel/value (with
 * *why, when given, set to MicroPython's message), BD_ERR_UNSUPPORTED for a
 * pad without PWM, BD_ERR_BUSY when no LEDC channel is free, BD_ERR_NOMEM
 * from the scheduler.  Ownership: bd_pwm_t borrows the board; call
 * bd_pwm_free before freeing the board (it cancels the events).
 */
#ifndef BD_PWM_H
#define BD_PWM_H

#include <stdbool.h>
#include <stdint.h>

#include "board/bd_board.h"
#include "board/bd_status.h"

#define BD_PWM_MAX_SLICES 18
#define BD_PWM_MAX_CH 4
#define BD_PWM_MAX_PADS 4

typedef enum { BD_PWM_RP2 = 0, BD_PWM_LEDC, BD_PWM_STM32 } bd_pwm_kind_t;

typedef struct {
    uint32_t div_num, div_den; /* a tick is div_num / div_den source cycles */
    uint32_t top;              /* counter 0..top */
    uint32_t cc[BD_PWM_MAX_CH];
    uint8_t invert[BD_PWM_MAX_CH];
} bd_pwm_regs_t;

enum { BD_PWM_DUTY_NONE = 0, BD_PWM_DUTY_U16, BD_PWM_DUTY_NS };

typedef struct {
    int16_t pad;
    uint8_t mode, pull; /* restored by detach */
    int16_t alt;
} bd_pwm_padref_t;

typedef struct bd_pwm bd_pwm_t;

/* Called at each wrap (the counter's update event) of a slice that has one
 * set, at the wrap's time, after the shadow registers were loaded.  Runs
 * inside the scheduler: it must not call into the VM (queue and return). */
typedef void (*bd_pwm_wrap_fn)(void *ctx, int slice, bd_time_t t);

typedef struct {
    bd_pwm_t *owner;
    uint8_t index, nch;
    bool used;           /* LEDC: channel allocated */
    bool enabled;
    bool dirty;          /* regs differ from live: load at the next wrap */
    bool freq_set;       /* a frequency was programmed (not reset values) */
    uint8_t res_bits;    /* LEDC resolution */
    bd_pwm_regs_t regs;  /* as written by the firmware (what getters read) */
    bd_pwm_regs_t live;  /* in effect for the current period */
    bd_time_t start_ns;  /* current period start, integer part */
    uint64_t start_rem;  /* its fraction, in 1/(div_den*clk_hz) ns */
    uint64_t next_tick;  /* tick of the pending event (top + 1 = wrap) */
    bd_event_id_t ev;    /* 0 when idle */
    uint64_t periods;    /* wraps so far (statistics, tests) */
    uint8_t out[BD_PWM_MAX_CH];
    uint8_t duty_kind[BD_PWM_MAX_CH];
    uint64_t duty_val[BD_PWM_MAX_CH];
    bd_pwm_padref_t pads[BD_PWM_MAX_CH][BD_PWM_MAX_PADS];
    uint8_t npads[BD_PWM_MAX_CH];
    bd_pwm_wrap_fn on_wrap; /* NULL: no wrap events needed */
    void *wrap_ctx;
} bd_pwm_slice_t;

struct bd_pwm {
    bd_board_t *board;
    bd_pwm_kind_t kind;
    uint64_t clk_hz;
    uint8_t nslices;
    bd_pwm_slice_t slice[BD_PWM_MAX_SLICES];
};

/* Set up from the board's port and clock; all slices disabled, reset values. */
void bd_pwm_init(bd_pwm_t *p, bd_board_t *b);
/* Cancel events; pads are left as they are. */
void bd_pwm_free(bd_pwm_t *p);

/* The slice/channel for a pad.  LEDC: allocates a free channel (or the one
 * already driving this pad).  BD_ERR_UNSUPPORTED: no PWM on that pad;
 * BD_ERR_BUSY: all LEDC channels in use. */
bd_status_t bd_pwm_chan_for_pad(bd_pwm_t *p, int pad, int *slice, int *ch);
/* LEDC: give a channel back (after detach). */
void bd_pwm_release(bd_pwm_t *p, int slice);

bd_status_t bd_pwm_attach(bd_pwm_t *p, int slice, int ch, int pad);
bd_status_t bd_pwm_detach(bd_pwm_t *p, int pad); /* BD_ERR_NOTFOUND if not attached */

/* Port rules.  freq in Hz (> 0).  *why (may be NULL) gets the message. */
bd_status_t bd_pwm_set_freq(bd_pwm_t *p, int slice, uint64_t freq, const char **why);
uint64_t bd_pwm_get_freq(const bd_pwm_t *p, int slice);
bd_status_t bd_pwm_set_duty_u16(bd_pwm_t *p, int slice, int ch, uint32_t u16);
bd_status_t bd_pwm_set_duty_ns(bd_pwm_t *p, int slice, int ch, uint64_t ns, const char **why);
uint32_t bd_pwm_get_duty_u16(const bd_pwm_t *p, int slice, int ch);
uint64_t bd_pwm_get_duty_ns(const bd_pwm_t *p, int slice, int ch);
bd_status_t bd_pwm_set_invert(bd_pwm_t *p, int slice, int ch, bool invert);
bd_status_t bd_pwm_enable(bd_pwm_t *p, int slice, bool on);

/* Raw registers (pyb.Timer with prescaler/period, tests).  Take effect at
 * the next wrap like any write. */
bd_status_t bd_pwm_set_raw(bd_pwm_t *p, int slice, uint32_t div_num, uint32_t div_den, uint32_t top);
bd_status_t bd_pwm_set_cc(bd_pwm_t *p, int slice, int ch, uint32_t cc);

/* stm32 register semantics (pyb.Timer).
 * bd_pwm_restart: an update event generated by software (the UG bit, as a
 * timer's initialisation sets it): the counter goes back to 0 now, the
 * shadow registers are loaded at once, and the slice runs (enabled).
 * bd_pwm_set_chan_now: channel ch's compare level and polarity written
 * straight into the registers in effect, bypassing the shadow copy (a
 * channel configured while its compare preload is off): the output
 * follows the comparison from the counter's present value, e.g. high at
 * once when the counter is below cc.
 * bd_pwm_counter: the counter's value now (0 for a disabled slice).
 * bd_pwm_on_wrap: fn (NULL to stop) at every wrap of the slice. */
bd_status_t bd_pwm_restart(bd_pwm_t *p, int slice);
bd_status_t bd_pwm_set_chan_now(bd_pwm_t *p, int slice, int ch, uint32_t cc, bool invert);
uint64_t bd_pwm_counter(bd_pwm_t *p, int slice);
bd_status_t bd_pwm_on_wrap(bd_pwm_t *p, int slice, bd_pwm_wrap_fn fn, void *ctx);

/* The rp2 frequency rule alone: clk, freq -> (div16, top). */
bd_status_t bd_pwm_rp2_calc(uint64_t clk_hz, uint64_t freq, uint32_t *div16, uint32_t *top, const char **why);

#endif
