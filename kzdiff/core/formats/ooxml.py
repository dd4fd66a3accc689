"""Safe reading of the XML parts of an Office file (a ZIP archive).

The parts are parsed by lxml without network access, without entity expansion and with
a size cap per part, so a hostile document (a ZIP bomb, "billion laughs") is refused
rather than followed.
"""

from __future__ import annotations

import io
import zipfile

from . import FormatError

#: An uncompressed XML part above this is refused: a 1,000-page report's document.xml is
#: about 20 MB.
MAX_PART = 200 * 2**20


def open_zip(raw: bytes, what: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FormatError(f"is a damaged {what} (not a readable ZIP archive)") from None


def read_part(z: zipfile.ZipFile, name: str, what: str, required: bool = True):
    """The parsed XML root of one part, or None if an optional part is absent."""
    from lxml import etree

    try:
        info = z.getinfo(name)
    except KeyError:
        if required:
            raise FormatError(f"is a damaged {what} ({name} is missing)") from None
        return None
    if info.file_size > MAX_PART:
        raise FormatError(f"is a {what} whose text part is too large ({info.file_size >> 20} MB)")
    if info.flag_bits & 0x1:
        raise FormatError(f"is an encrypted {what}; save an unprotected copy first")
    try:
        data = z.read(name)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        raise FormatError(f"is a damaged {what} ({name} cannot be unpacked)") from None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError:
        raise FormatError(f"is a damaged {what} ({name} is not well-formed XML)") from None
