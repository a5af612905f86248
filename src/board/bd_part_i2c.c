/* bd_part_i2c.c: I2C parts on the board's buses (see bd_part_i2c.h). */
#include <stdio.h>

#include "board/bd_part_i2c.h"

#define ERR(...) (err ? snprintf(err, errlen, __VA_ARGS__) : 0)

const bd_role_def_t bd_i2c_part_roles[BD_I2C_NROLES] = {
    {"sda", 0, "I2C data"},
    {"scl", 0, "I2C clock"},
};

void bd_i2c_slot_leave(bd_i2c_slot_t *s) {
    if (s->bus) bd_i2c_remove_device(s->bus, &s->dev);
    s->bus = NULL;
}

static void taken(bd_part_t *p, int sda, int scl, uint8_t addr, char *err, size_t errlen) {
    ERR("%s %s: I2C address 0x%02x is already taken on the bus of SDA %s / SCL %s", p->type->kind, p->name,
        addr, bd_board_pin_name(p->board, sda), bd_board_pin_name(p->board, scl));
}

bd_status_t bd_i2c_slot_wire(bd_part_t *p, bd_i2c_slot_t *s, int sda_role, int scl_role, char *err,
                             size_t errlen) {
    int sda = p->pin[sda_role], scl = p->pin[scl_role];
    bd_i2c_t *want = NULL;
    if (sda >= 0 && scl >= 0) {
        if (sda == scl) {
            bd_i2c_slot_leave(s);
            ERR("%s %s: SDA and SCL must be different pins", p->type->kind, p->name);
            return BD_ERR_INVAL;
        }
        bd_status_t st = bd_i2c_net(p->board, scl, sda, NULL, &want);
        if (st != BD_OK) {
            bd_i2c_slot_leave(s);
            ERR("out of memory");
            return st;
        }
    }
    if (want == s->bus) return BD_OK;
    bd_i2c_slot_leave(s);
    if (!want) return BD_OK;
    bd_status_t st = bd_i2c_add_device(want, &s->dev);
    if (st != BD_OK) {
        if (want->ndev >= BD_I2C_MAX_DEVS)
            ERR("%s %s: too many devices on one I2C bus (at most %d)", p->type->kind, p->name,
                BD_I2C_MAX_DEVS);
        else
            taken(p, sda, scl, s->dev.addr, err, errlen);
        return BD_ERR_BUSY;
    }
    s->bus = want;
    s->sda = sda;
    s->scl = scl;
    return BD_OK;
}

bd_status_t bd_i2c_slot_readdress(bd_part_t *p, bd_i2c_slot_t *s, uint8_t addr, char *err, size_t errlen) {
    if (s->bus)
        for (int i = 0; i < s->bus->ndev; i++)
            if (s->bus->dev[i] != &s->dev && s->bus->dev[i]->addr == addr) {
                taken(p, s->sda, s->scl, addr, err, errlen);
                return BD_ERR_BUSY;
            }
    /* the bus holds a pointer to the record: changing the address in place
     * moves the device */
    s->dev.addr = addr;
    return BD_OK;
}

bd_status_t bd_i2c_part_wired(bd_part_t *p, int role, char *err, size_t errlen) {
    return bd_i2c_slot_wire(p, &((bd_i2c_part_t *)p)->slot, BD_I2C_ROLE_SDA, BD_I2C_ROLE_SCL, err, errlen);
}
