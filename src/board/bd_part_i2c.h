/* bd_part_i2c.h: what the I2C parts (bmp280, ssd1306) share: their place
 * on the board's I2C bus for their SDA and SCL pads, their two roles and
 * their `wired` hook.
 *
 * A part's struct begins with a bd_i2c_part_t: the part, then a
 * bd_i2c_slot_t (its device record and the bus it is on).  Its roles are
 * bd_i2c_part_roles (sda, scl, both positional) and its `wired` hook
 * bd_i2c_part_wired, which calls bd_i2c_slot_wire: that puts the device on the bus
 * of the pads its two roles are wired to (bd_i2c_net: the same bus
 * machine.I2C / SoftI2C use on those pads, whichever comes first), moves it
 * when a role moves, and takes it off when a role is disconnected.  An
 * address change goes through bd_i2c_slot_readdress, so a clash is refused
 * with a message instead of silently shadowing another device.
 *
 * Invariant: slot->bus != NULL exactly while the device is registered on
 * that bus, at slot->dev.addr.
 */
#ifndef BD_PART_I2C_H
#define BD_PART_I2C_H

#include "board/bd_i2c.h"
#include "board/bd_part.h"

typedef struct {
    bd_i2c_dev_t dev; /* addr, ctx and handlers: filled by the part */
    bd_i2c_t *bus;    /* the bus it is on, or NULL */
    int sda, scl;     /* that bus's pads (messages) */
} bd_i2c_slot_t;

/* What an I2C part's struct begins with (the model's state follows), so
 * the shared hooks find the slot. */
typedef struct {
    bd_part_t base;
    bd_i2c_slot_t slot;
} bd_i2c_part_t;

/* The roles of every I2C part, in this order. */
enum { BD_I2C_ROLE_SDA, BD_I2C_ROLE_SCL, BD_I2C_NROLES };
extern const bd_role_def_t bd_i2c_part_roles[BD_I2C_NROLES];

/* The `wired` hook of a part that begins with a bd_i2c_part_t:
 * bd_i2c_slot_wire on its sda and scl roles. */
bd_status_t bd_i2c_part_wired(bd_part_t *p, int role, char *err, size_t errlen);

/* Join (or move to, or leave) the bus of the pads wired to roles sda/scl.
 * BD_ERR_BUSY: the address is taken there (the slot is then off any bus);
 * BD_ERR_INVAL: SDA and SCL on one pad. */
bd_status_t bd_i2c_slot_wire(bd_part_t *p, bd_i2c_slot_t *s, int sda_role, int scl_role, char *err,
                             size_t errlen);
/* Change the address, staying on the bus; BD_ERR_BUSY (address unchanged)
 * when another device answers there. */
bd_status_t bd_i2c_slot_readdress(bd_part_t *p, bd_i2c_slot_t *s, uint8_t addr, char *err, size_t errlen);
void bd_i2c_slot_leave(bd_i2c_slot_t *s);

#endif
