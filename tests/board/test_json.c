/* test_json.c: the board's JSON reader (strict RFC 8259, LINE:COL errors)
 * and the YAML subset reader of scenarios, which builds the same tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/bd_json.h"
#include "board/bd_yaml.h"
#include "tap.h"

static char err[400];

static bd_json_t *ok_json(const char *text) {
    bd_json_t *v = NULL;
    bd_status_t st = bd_json_parse(text, strlen(text), &v, err, sizeof err);
    if (st != BD_OK) printf("#   unexpected error: %s\n", err);
    CHECK_EQ(st, BD_OK);
    return v;
}

/* The error for text, which must start with `want`. */
static void bad_json(const char *text, size_t len, const char *want) {
    bd_json_t *v = (bd_json_t *)1;
    bd_status_t st = bd_json_parse(text, len, &v, err, sizeof err);
    CHECK_EQ(st, BD_ERR_INVAL);
    CHECK(v == NULL);
    if (strncmp(err, want, strlen(want)) != 0) printf("#   got '%s'\n#   want '%s...'\n", err, want);
    CHECK(strncmp(err, want, strlen(want)) == 0);
}
#define BAD(text, want) bad_json(text, strlen(text), want)

TEST(json_values) {
    bd_json_t *v = ok_json("{\n  \"version\": 1,\n  \"parts\": [ {\"id\": \"led1\", \"x\": -2.5e1},\n"
                           "             true, false, null, 0, \"a\\\"b\\\\c\\/\\n\\t\" ],\n  \"e\": {}\n}");
    if (!v) return;
    CHECK_EQ(v->type, BD_JSON_OBJ);
    CHECK_EQ(v->len, 3);
    CHECK_EQ(bd_json_get(v, "version")->num, 1);
    const bd_json_t *parts = bd_json_get(v, "parts");
    CHECK(parts && parts->type == BD_JSON_ARR && parts->len == 6);
    const bd_json_t *p0 = bd_json_at(parts, 0);
    CHECK(strcmp(bd_json_str(bd_json_get(p0, "id")), "led1") == 0);
    CHECK(bd_json_get(p0, "x")->num == -25.0);
    CHECK_EQ(bd_json_at(parts, 1)->type, BD_JSON_BOOL);
    CHECK_EQ(bd_json_at(parts, 1)->num, 1);
    CHECK_EQ(bd_json_at(parts, 2)->num, 0);
    CHECK_EQ(bd_json_at(parts, 3)->type, BD_JSON_NULL);
    CHECK_EQ(bd_json_at(parts, 4)->type, BD_JSON_NUM);
    CHECK(strcmp(bd_json_str(bd_json_at(parts, 5)), "a\"b\\c/\n\t") == 0);
    CHECK(bd_json_at(parts, 6) == NULL);
    CHECK(bd_json_get(v, "missing") == NULL);
    CHECK(bd_json_get(parts, "x") == NULL); /* not an object */
    CHECK_EQ(bd_json_get(v, "e")->len, 0);
    /* positions: line and column where each value starts */
    CHECK_EQ(parts->line, 3);
    CHECK_EQ(parts->col, 12);
    CHECK_EQ(p0->line, 3);
    CHECK_EQ(p0->col, 14);
    CHECK_EQ(bd_json_at(parts, 1)->line, 4);
    CHECK_EQ(bd_json_at(parts, 1)->col, 14);
    CHECK(strcmp(bd_json_kind(parts), "an array") == 0);
    bd_json_free(v);
}

TEST(json_unicode) {
    /* \u escapes, a surrogate pair, raw UTF-8, \u0000 inside a string */
    bd_json_t *v = ok_json("[\"\\u00e9\\ud83d\\ude00\", \"\xc3\xa9t\xc3\xa9\", \"a\\u0000b\"]");
    if (!v) return;
    CHECK(strcmp(v->item[0]->str, "\xc3\xa9\xf0\x9f\x98\x80") == 0);
    CHECK(strcmp(v->item[1]->str, "\xc3\xa9t\xc3\xa9") == 0);
    CHECK_EQ(v->item[2]->len, 3);
    CHECK(memcmp(v->item[2]->str, "a\0b", 3) == 0);
    bd_json_free(v);
    /* a byte order mark is skipped; columns count characters, not bytes */
    v = ok_json("\xEF\xBB\xBF{\"k\": 1}");
    CHECK(v && v->type == BD_JSON_OBJ);
    bd_json_free(v);
    BAD("[\"\xc3\xa9\xc3\xa9\", x]", "1:8: expected a value");
}

TEST(json_errors) {
    BAD("", "1:1: expected a value");
    BAD("   \n  ", "2:3: expected a value");
    BAD("[1, 2,]", "1:7: trailing comma before ']'");
    BAD("{\"a\": 1,}", "1:9: trailing comma before '}'");
    BAD("{\"a\": 1 // note\n}", "1:9: comments are not allowed in JSON");
    BAD("[01]", "1:2: leading zeros are not allowed");
    BAD("[1.]", "1:4: expected a digit after the decimal point");
    BAD("[1e]", "1:4: expected a digit in the exponent");
    BAD("[-]", "1:3: expected a digit");
    BAD("['a']", "1:2: strings need double quotes");
    BAD("{'a': 1}", "1:2: object keys need double quotes");
    BAD("{a: 1}", "1:2: expected a key in double quotes, found 'a'");
    BAD("{\"a\" 1}", "1:6: expected ':' after the key, found '1'");
    BAD("{\"a\": 1 \"b\": 2}", "1:9: expected ',' or '}' after an object member, found '\"'");
    BAD("[1 2]", "1:4: expected ',' or ']' after an array item, found '2'");
    BAD("{\"a\": 1, \"a\": 2}", "1:10: duplicate key \"a\"");
    BAD("\"abc", "1:1: unterminated string");
    BAD("[\"ab\ncd\"]", "1:5: unterminated string (a line ends inside it)");
    BAD("[\"a\tb\"]", "1:4: control character 0x09 inside a string");
    BAD("[\"a\\qb\"]", "1:5: invalid escape: backslash then 'q'");
    BAD("[\"\\u12\"]", "1:3: invalid \\u escape (four hex digits must follow)");
    BAD("[\"\\ud83d\"]", "1:3: invalid \\u escape: the high surrogate \\uD83D is not followed by a low one");
    BAD("[\"\\ude00\"]", "1:3: invalid \\u escape: a low surrogate");
    BAD("{} {}", "1:4: extra data after the JSON value: '{'");
    BAD("[tru]", "1:2: expected a value");
    BAD("[True]", "1:2: expected a value (object, array, string, number, true, false or null), found 'T'");
    bad_json("[\"\xff\"]", 5, "1:3: invalid UTF-8 (byte 0xFF)");
    bad_json("[\"\xc0\xaf\"]", 6, "1:3: invalid UTF-8");            /* overlong '/' */
    bad_json("[\"\xed\xa0\x80\"]", 7, "1:3: invalid UTF-8");        /* an encoded surrogate */
    bad_json("[1]\0", 4, "1:4: extra data after the JSON value: character 0x00");
    BAD("[1e999]", "1:2: number out of range");
    /* deep nesting is refused, not a stack overflow */
    char deep[600];
    memset(deep, '[', sizeof deep);
    bad_json(deep, sizeof deep, "1:201: nested too deeply");
    /* line and column after several lines */
    BAD("{\n  \"parts\": [\n    {\"id\": \"x\",}\n  ]\n}", "3:16: trailing comma before '}'");
}

TEST(json_build) {
    bd_json_t *o = bd_json_new(BD_JSON_OBJ, 1, 1), *s = bd_json_new(BD_JSON_STR, 1, 2);
    CHECK_EQ(bd_json_set_str(s, "hi", 2), BD_OK);
    CHECK_EQ(bd_json_put(o, "k", 1, s), BD_OK);
    bd_json_t *dup = bd_json_new(BD_JSON_NULL, 1, 3);
    CHECK_EQ(bd_json_put(o, "k", 1, dup), BD_ERR_INVAL); /* dup is freed */
    CHECK_EQ(o->len, 1);
    CHECK(strcmp(bd_json_str(bd_json_get(o, "k")), "hi") == 0);
    bd_json_free(o);
    bd_json_free(NULL);
}

/* ------------------------------------------------------------ YAML */

static bd_json_t *ok_yaml(const char *text) {
    bd_json_t *v = NULL;
    bd_status_t st = bd_yaml_parse(text, strlen(text), &v, err, sizeof err);
    if (st != BD_OK) printf("#   unexpected error: %s\n", err);
    CHECK_EQ(st, BD_OK);
    return v;
}

static void bad_yaml(const char *text, const char *want) {
    bd_json_t *v = (bd_json_t *)1;
    bd_status_t st = bd_yaml_parse(text, strlen(text), &v, err, sizeof err);
    CHECK_EQ(st, BD_ERR_INVAL);
    CHECK(v == NULL);
    if (strncmp(err, want, strlen(want)) != 0) printf("#   got '%s'\n#   want '%s...'\n", err, want);
    CHECK(strncmp(err, want, strlen(want)) == 0);
}

TEST(yaml_scenario) {
    bd_json_t *v = ok_yaml("# a scenario\n"
                           "---\n"
                           "name: 'Button ''1'' test'   # quoted\n"
                           "version: 1\n"
                           "author: Me\n"
                           "\n"
                           "steps:\n"
                           "  - wait-serial: \"ready\\n\"\n"
                           "  - set-control:\n"
                           "      part-id: btn1\n"
                           "      control: pressed\n"
                           "      value: 1\n"
                           "  - delay: 500ms\n"
                           "  - expect-pin: {part-id: led1, pin: A, value: 1}\n"
                           "  - write-serial: [87, 0x6f, 107]\n"
                           "  -\n"
                           "    delay: 1s\n"
                           "  - - nested\n"
                           "    - 2.5\n"
                           "empty:\n"
                           "flags: [true, False, ~, null, '', -3, .5, 1e3, 12ab, http://x]\n");
    if (!v) return;
    CHECK_EQ(v->type, BD_JSON_OBJ);
    CHECK(strcmp(bd_json_str(bd_json_get(v, "name")), "Button '1' test") == 0);
    CHECK_EQ(bd_json_get(v, "version")->num, 1);
    CHECK(strcmp(bd_json_str(bd_json_get(v, "author")), "Me") == 0);
    const bd_json_t *steps = bd_json_get(v, "steps");
    CHECK(steps && steps->type == BD_JSON_ARR && steps->len == 7);
    if (!steps || steps->len != 7) {
        bd_json_free(v);
        return;
    }
    CHECK(strcmp(bd_json_str(bd_json_get(steps->item[0], "wait-serial")), "ready\n") == 0);
    const bd_json_t *sc = bd_json_get(steps->item[1], "set-control");
    CHECK(sc && sc->type == BD_JSON_OBJ && sc->len == 3);
    CHECK(strcmp(bd_json_str(bd_json_get(sc, "part-id")), "btn1") == 0);
    CHECK(bd_json_get(sc, "value")->type == BD_JSON_NUM && bd_json_get(sc, "value")->num == 1);
    CHECK_EQ(bd_json_get(sc, "part-id")->line, 10);
    CHECK_EQ(bd_json_get(sc, "part-id")->col, 16);
    const bd_json_t *d = bd_json_get(steps->item[2], "delay");
    CHECK(d && d->type == BD_JSON_STR && !d->quoted && strcmp(d->str, "500ms") == 0);
    const bd_json_t *ep = bd_json_get(steps->item[3], "expect-pin");
    CHECK(ep && ep->type == BD_JSON_OBJ && strcmp(bd_json_str(bd_json_get(ep, "pin")), "A") == 0);
    const bd_json_t *ws = bd_json_get(steps->item[4], "write-serial");
    CHECK(ws && ws->len == 3 && ws->item[1]->num == 0x6f);
    CHECK(strcmp(bd_json_str(bd_json_get(steps->item[5], "delay")), "1s") == 0);
    CHECK(steps->item[6]->type == BD_JSON_ARR && steps->item[6]->len == 2 && steps->item[6]->item[1]->num == 2.5);
    CHECK_EQ(bd_json_get(v, "empty")->type, BD_JSON_NULL);
    const bd_json_t *f = bd_json_get(v, "flags");
    CHECK(f && f->len == 10);
    if (f && f->len == 10) {
        CHECK(f->item[0]->type == BD_JSON_BOOL && f->item[0]->num == 1);
        CHECK(f->item[1]->type == BD_JSON_BOOL && f->item[1]->num == 0);
        CHECK(f->item[2]->type == BD_JSON_NULL && f->item[3]->type == BD_JSON_NULL);
        CHECK(f->item[4]->type == BD_JSON_STR && f->item[4]->len == 0); /* quoted: a string */
        CHECK(f->item[5]->num == -3 && f->item[6]->num == 0.5 && f->item[7]->num == 1000);
        CHECK(f->item[8]->type == BD_JSON_STR && strcmp(f->item[8]->str, "12ab") == 0);
        CHECK(strcmp(f->item[9]->str, "http://x") == 0);
    }
    bd_json_free(v);
}

TEST(yaml_forms) {
    /* a sequence at its key's indentation; a compact mapping after "- " */
    bd_json_t *v = ok_yaml("steps:\n- delay: 1ms\n- set-control:\n    part-id: p\n  other: 2\n");
    if (v) {
        const bd_json_t *s = bd_json_get(v, "steps");
        CHECK(s && s->len == 2);
        if (s && s->len == 2) {
            CHECK_EQ(s->item[1]->len, 2); /* set-control and other */
            CHECK(bd_json_get(s->item[1], "other")->num == 2);
        }
    }
    bd_json_free(v);
    /* an empty document, CRLF line ends */
    v = ok_yaml("# nothing\n\n");
    CHECK(v && v->type == BD_JSON_NULL);
    bd_json_free(v);
    v = ok_yaml("a: 1\r\nb: \"x\"\r\n");
    CHECK(v && v->len == 2 && strcmp(bd_json_str(bd_json_get(v, "b")), "x") == 0);
    bd_json_free(v);
    /* quoted keys, escapes, a '#' inside quotes is not a comment */
    v = ok_yaml("\"a b\": 'x # y'\nc: \"\\x41\\u00e9\\t\"\n");
    CHECK(v && strcmp(bd_json_str(bd_json_get(v, "a b")), "x # y") == 0);
    CHECK(v && strcmp(bd_json_str(bd_json_get(v, "c")), "A\xc3\xa9\t") == 0);
    bd_json_free(v);
}

TEST(yaml_errors) {
    bad_yaml("steps:\n\t- delay: 1s\n", "2:1: a tab in the indentation");
    bad_yaml("text: |\n  line\n", "1:7: block scalars ('|') are not supported");
    bad_yaml("a: &x 1\n", "1:4: YAML anchors are not supported");
    bad_yaml("a: *x\n", "1:4: YAML aliases are not supported");
    bad_yaml("a: !!str 1\n", "1:4: YAML tags are not supported");
    bad_yaml("a: 1\na: 2\n", "2:1: duplicate key 'a'");
    bad_yaml("a: 'open\n", "1:4: unterminated single-quoted string");
    bad_yaml("a: [1, 2\n", "1:4: '[' is not closed on its line");
    bad_yaml("a: {b: 1 c: 2}\n", "1:11: expected ',' or '}'");
    bad_yaml("a: b: c\n", "1:5: a value cannot contain ': ' unless quoted");
    bad_yaml("a: 1\n  b: 2\n", "2:3: bad indentation: 'a' already has its value on line 1");
    bad_yaml("- a\nb: 1\n", "2:1: bad indentation: this line is not inside the value above it");
    bad_yaml("a:\n  - x\n  y: 1\n", "3:3: bad indentation");
    bad_yaml("a: \"\\q\"\n", "1:5: unknown escape '\\q'");
    bad_yaml("---\na: 1\n---\nb: 2\n", "3:1: only one YAML document is supported");
    bad_yaml("a: \"x\" y\n", "1:8: unexpected text after the value");
    bad_yaml("a: 1\x01\n", "1:5: control character 0x01");
}

/* The scalars that give a part attribute its text (Wokwi attrs, scenario values). */
TEST(json_scalar_text) {
    bd_json_t *v = ok_json(
        "{\"s\": \"12k\", \"n\": 0.1, \"i\": 512, \"t\": true, \"f\": false, \"z\": null, \"a\": []}");
    char buf[40];
    CHECK(strcmp(bd_json_scalar_text(bd_json_get(v, "s"), buf, sizeof buf), "12k") == 0);
    CHECK(strcmp(bd_json_scalar_text(bd_json_get(v, "n"), buf, sizeof buf), "0.10000000000000001") == 0);
    CHECK(strcmp(bd_json_scalar_text(bd_json_get(v, "i"), buf, sizeof buf), "512") == 0);
    CHECK(strcmp(bd_json_scalar_text(bd_json_get(v, "t"), buf, sizeof buf), "1") == 0);
    CHECK(strcmp(bd_json_scalar_text(bd_json_get(v, "f"), buf, sizeof buf), "0") == 0);
    CHECK(bd_json_scalar_text(bd_json_get(v, "z"), buf, sizeof buf) == NULL);
    CHECK(bd_json_scalar_text(bd_json_get(v, "a"), buf, sizeof buf) == NULL);
    CHECK(bd_json_scalar_text(bd_json_get(v, "missing"), buf, sizeof buf) == NULL);
    bd_json_free(v);
}

int main(void) {
    RUN(json_values);
    RUN(json_unicode);
    RUN(json_errors);
    RUN(json_build);
    RUN(yaml_scenario);
    RUN(yaml_forms);
    RUN(yaml_errors);
    RUN(json_scalar_text);
    return tap_done();
}
