PKG_NAME = "pkg"
from .util import helper
