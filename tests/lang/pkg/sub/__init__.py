from .. import util
from ..util import helper as h2
LEVEL = "sub"
