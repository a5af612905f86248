/* bd_part_buzzer.c: a passive buzzer (piezo) on a pin: the frequency of the
 * square wave it is driven with, and optionally the tone as a WAV file.
 *
 * Roles: pin (IN).  Attributes:
 *   frequency  ro Hz   1 / (time between the last two rising edges); 0 when
 *                      silent: no rising edge for more than two periods
 *   wav        text    path of a WAV file to write ("" = none); setting it
 *                      starts a recording at the current time, replacing any
 *                      earlier one; the file is complete once the part is
 *                      freed (or wav is set again)
 *   cycles     ro int  rising edges seen
 * WAV: 8000 Hz, mono, 16-bit PCM.  Each 125 us sample is the fraction of
 * that interval the pin was high (a box filter over the exact edge times, so
 * no edge is lost between samples), mapped to -1..1, passed through a
 * DC-blocking high-pass (y = x - x' + 0.995 y': a pin held steady is
 * silence, as on a real piezo) and scaled to half of full scale.
 *
 * Invariant: while recording, every sample before `s_end` has been written
 * and `acc` holds the high time of the current sample since `seg`.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_part.h"

#define SAMPLE_NS 125000u /* 8 kHz */

typedef struct {
    bd_part_t base;
    bd_time_t last_rise, period;
    int seen_rise, level;
    uint64_t cycles;
    char *wav_path;
    FILE *wav;
    uint32_t nsamples;
    bd_time_t s_end, seg, acc;
    double x_prev, y_prev;
} buzzer_t;

enum { A_FREQ, A_WAV, A_CYCLES };

static const bd_attr_def_t attrs[] = {
    {"frequency", BD_ATTR_NUM, BD_ATTR_RO, "Hz", 1, 0, NULL, "tone frequency, 0 when silent"},
    {"wav", BD_ATTR_TEXT, 0, "", 1, 0, NULL, "WAV file to record the tone into"},
    {"cycles", BD_ATTR_INT, BD_ATTR_RO, "", 1, 0, NULL, "rising edges seen"},
};

static const bd_role_def_t roles[] = {{"pin", BD_ROLE_IN, "the pin driving the buzzer"}};

static void put_le(FILE *f, uint32_t v, int bytes) {
    for (int i = 0; i < bytes; i++) fputc((int)((v >> (8 * i)) & 0xff), f);
}

static void wav_header(FILE *f, uint32_t nsamples) {
    uint32_t data = nsamples * 2;
    fputs("RIFF", f);
    put_le(f, 36 + data, 4);
    fputs("WAVEfmt ", f);
    put_le(f, 16, 4);
    put_le(f, 1, 2);        /* PCM */
    put_le(f, 1, 2);        /* mono */
    put_le(f, 8000, 4);     /* sample rate */
    put_le(f, 8000 * 2, 4); /* byte rate */
    put_le(f, 2, 2);        /* block align */
    put_le(f, 16, 2);       /* bits */
    fputs("data", f);
    put_le(f, data, 4);
}

static void emit(buzzer_t *b) {
    double x = (double)b->acc / SAMPLE_NS * 2.0 - 1.0;
    double y = x - b->x_prev + 0.995 * b->y_prev;
    b->x_prev = x;
    b->y_prev = y;
    double s = y * 0.5 * 32767.0;
    if (s > 32767) s = 32767;
    if (s < -32768) s = -32768;
    put_le(b->wav, (uint32_t)(uint16_t)(int16_t)s, 2);
    if (b->nsamples < UINT32_MAX / 2 - 64) b->nsamples++;
    b->acc = 0;
}

/* Account for the pin's level from seg up to t. */
static void wav_advance(buzzer_t *b, bd_time_t t) {
    if (!b->wav) return;
    while (b->s_end <= t) {
        if (b->level) b->acc += b->s_end - b->seg;
        b->seg = b->s_end;
        emit(b);
        b->s_end += SAMPLE_NS;
    }
    if (b->level && t > b->seg) b->acc += t - b->seg;
    if (t > b->seg) b->seg = t;
}

static bd_status_t wav_close(buzzer_t *b) {
    if (!b->wav) return BD_OK;
    wav_advance(b, bd_part_now(&b->base));
    int bad = fseek(b->wav, 0, SEEK_SET) != 0;
    if (!bad) wav_header(b->wav, b->nsamples);
    bad |= ferror(b->wav) != 0;
    bad |= fclose(b->wav) != 0;
    b->wav = NULL;
    return bad ? BD_ERR_IO : BD_OK;
}

static bd_status_t wav_open(buzzer_t *b, char *err, size_t errlen) {
    b->wav = fopen(b->wav_path, "wb");
    if (!b->wav) {
        if (err) snprintf(err, errlen, "%s.wav: cannot create '%s': %s", b->base.name, b->wav_path, strerror(errno));
        return BD_ERR_IO;
    }
    wav_header(b->wav, 0);
    bd_time_t now = bd_part_now(&b->base);
    b->nsamples = 0;
    b->seg = now;
    b->s_end = now + SAMPLE_NS;
    b->acc = 0;
    b->level = bd_part_level(&b->base, 0, 0);
    b->x_prev = b->level ? 1.0 : -1.0; /* no click at the start */
    b->y_prev = 0;
    return BD_OK;
}

static void pin_event(bd_part_t *p, int role, const bd_pin_event_t *ev) {
    buzzer_t *b = (buzzer_t *)p;
    wav_advance(b, ev->time);
    b->level = ev->level;
    if (!ev->level) return;
    if (b->seen_rise) b->period = ev->time - b->last_rise;
    b->seen_rise = 1;
    b->last_rise = ev->time;
    b->cycles++;
}

static double frequency(const buzzer_t *b) {
    if (!b->period) return 0;
    if (bd_part_now(&b->base) - b->last_rise > 2 * b->period) return 0;
    return 1e9 / (double)b->period;
}

static bd_status_t set(bd_part_t *p, int attr, const bd_attr_val_t *v, char *err, size_t errlen) {
    buzzer_t *b = (buzzer_t *)p;
    if (attr != A_WAV) return BD_OK;
    bd_status_t st = bd_part_keep_text(&b->wav_path, v->text);
    if (st != BD_OK) return st;
    wav_close(b);
    return b->wav_path ? wav_open(b, err, errlen) : BD_OK;
}

static void get(const bd_part_t *p, int attr, bd_attr_val_t *v) {
    const buzzer_t *b = (const buzzer_t *)p;
    switch (attr) {
    case A_FREQ: v->num = frequency(b); break;
    case A_WAV: v->text = b->wav_path ? b->wav_path : ""; break;
    case A_CYCLES: v->num = (double)b->cycles; break;
    }
}

static void update(bd_part_t *p) {
    buzzer_t *b = (buzzer_t *)p;
    int level = bd_part_level(p, 0, 0);
    if (level != b->level) {
        wav_advance(b, bd_part_now(p));
        b->level = level;
    }
}

static void reset(bd_part_t *p) {
    buzzer_t *b = (buzzer_t *)p;
    b->period = 0;
    b->seen_rise = 0;
    b->cycles = 0;
}

static void fini(bd_part_t *p) {
    buzzer_t *b = (buzzer_t *)p;
    wav_close(b);
    free(b->wav_path);
}

const bd_part_type_t bd_part_buzzer_type = {
    .kind = "buzzer",
    .alias = "piezo",
    .prefix = "buzzer",
    .help = "a passive buzzer: tone frequency from the pin's square wave, optional WAV",
    .roles = roles,
    .nroles = 1,
    .npositional = 1,
    .attrs = attrs,
    .nattrs = sizeof attrs / sizeof attrs[0],
    .size = sizeof(buzzer_t),
    .set = set,
    .get = get,
    .pin_event = pin_event,
    .update = update,
    .reset = reset,
    .fini = fini,
};
