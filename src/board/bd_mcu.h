/* bd_mcu.h: the MCU pad tables (bd_mcu_*.c), shared by the board tables. */
#ifndef BD_MCU_H
#define BD_MCU_H

#include "board/bd_board.h"

extern const bd_mcu_t bd_mcu_rp2040;
extern const bd_mcu_t bd_mcu_esp32s3;
extern const bd_mcu_t bd_mcu_stm32h747;

#endif
