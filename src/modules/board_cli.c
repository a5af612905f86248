/* board_cli.c: option words of the board's command line (board_cli.h). */
#include <stdio.h>
#include <string.h>

#include "modules/board_cli.h"

bool mod_cli_is_opt(const char *a, const char *name) {
    size_t n = strlen(name);
    return !strncmp(a, name, n) && (a[n] == 0 || a[n] == '=');
}

const char *mod_cli_opt_value(int argc, char **argv, int *i, const char *name, const char *prog) {
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (a[n] == '=') return a + n + 1;
    if (*i + 1 >= argc) {
        fprintf(stderr, "%s: option %s requires an argument\n", prog, name);
        return NULL;
    }
    return argv[++*i];
}
