from . import LEVEL
def where():
    return LEVEL + "/leaf"
