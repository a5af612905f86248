/* board_cli.h: the words of the board's command-line options, shared by
 * the option parsers (board_runtime.c: --board, --vcd ...; board_wokwi.c:
 * --diagram, --scenario, --wokwi), so every option takes its value the same
 * way: "--opt VALUE" or "--opt=VALUE".
 */
#ifndef MOD_BOARD_CLI_H
#define MOD_BOARD_CLI_H

#include <stdbool.h>

/* Whether the argument a is option `name` ("--vcd" or "--vcd=..."). */
bool mod_cli_is_opt(const char *a, const char *name);
/* The value of option argv[*i] (for which mod_cli_is_opt held): after the
 * '=', or the next argument (*i moves onto it).  NULL, with a message on
 * stderr, when the value is missing. */
const char *mod_cli_opt_value(int argc, char **argv, int *i, const char *name, const char *prog);

#endif
