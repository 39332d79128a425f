"""Rewriting a draft with its fixes: all at once, or not at all.

The policy (docs/fixing.md says it for editors): the new text goes to a
temporary file in the draft's own folder and is renamed over the draft, so a
reader, a crash or a kill sees the old draft or the new one, never a mix. A
rename makes a new file, so drafts where that would lose something are refused
and left as they are:

- a read-only file (no write bit, or not writable by us): it is read-only on
  purpose;
- a file with more than one hard link: the rename would split the links;
- a file whose owner or group we cannot give to the new file, or whose
  extended attributes (ACLs, labels) we cannot copy to it;
- a symbolic link whose target lies outside the link's folder (a link inside
  it is written through: the target is replaced, the link kept);
- anything but a regular file;
- a file that changed since it was checked (an editor saved it): writing the
  fixed old text would lose the save. It is compared again, by content and by
  inode, size and modification time, just before the rename.

On Linux the temporary file has no name until just before the rename
(``O_TMPFILE``), so a kill while writing leaves nothing behind; elsewhere, or
where the file system does not support it, it is named
``.NAME.factcheck-PID-RANDOM.tmp`` from the start. The next rewrite of the
draft removes such files whose process is gone.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from factcheck.documents import UTF8_BOM

# None where the platform has no anonymous temporary files; tests set it so too.
O_TMPFILE: int | None = getattr(os, "O_TMPFILE", None)
_PROC_FD = "/proc/self/fd"
_CHUNK = 1 << 20  # bytes per write: a short write or a failure is seen within a chunk
_TEMPORARY_NAME = re.compile(r"\.(?P<name>.+)\.factcheck-(?P<pid>\d+)-[0-9a-f]+\.tmp")
CHANGED = "changed while checking, not fixed"


class NotRewritten(Exception):
    """The draft was left as it was; ``problem`` says why.

    ``refused`` is True when the policy refused (the draft is fine, the rewrite
    would have lost something), False when the system failed (disk full, no
    permission to write in the folder).
    """

    def __init__(self, problem: str, *, refused: bool) -> None:
        super().__init__(problem)
        self.problem = problem
        self.refused = refused


@dataclass(frozen=True)
class _Snapshot:
    """What the draft looked like when read: to tell whether it changed since."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, info: os.stat_result, data: bytes) -> _Snapshot:
        return cls(
            info.st_dev,
            info.st_ino,
            info.st_size,
            info.st_mtime_ns,
            hashlib.sha256(data).hexdigest(),
        )

    def moved_from(self, other: _Snapshot) -> bool:
        """Whether the file is another one, or was written, by what ``stat`` says."""
        return (self.device, self.inode, self.size, self.mtime_ns) != (
            other.device,
            other.inode,
            other.size,
            other.mtime_ns,
        )


def write_atomically(
    path: Path, text: str, *, expected: str | None = None, encoding: str = "utf-8"
) -> None:
    """Replace the draft ``path`` with ``text`` (in ``encoding``, line endings as given).

    ``expected`` is the text the fixes were computed from; when the draft no
    longer holds it, nothing is written. ``encoding`` is the one the draft was
    read in (``Document.encoding``): a fix never changes a file's encoding, so
    a fix that it cannot hold is refused. Raises :class:`NotRewritten`, with the
    draft unchanged, when the policy above refuses or the system fails.
    """
    target = _target(path)
    info, data = _read(target)
    _check_policy(target, info)
    if expected is not None and _decoded(data, encoding) != expected:
        raise NotRewritten(CHANGED, refused=True)
    utf8 = codecs.lookup(encoding).name == "utf-8"
    if utf8 and data.startswith(UTF8_BOM) and not text.startswith("\ufeff"):
        # Reading dropped the byte order mark; a fix must not drop it from the file.
        text = "\ufeff" + text
    try:
        encoded = text.encode(encoding, "surrogatepass" if utf8 else "strict")
    except UnicodeEncodeError:
        raise NotRewritten(
            f"the fixes need characters that {encoding} cannot hold; not fixed", refused=True
        ) from None
    clean_stale_temporaries(target)
    try:
        _replace(target, encoded, info, _Snapshot.of(info, data))
    except OSError as error:
        raise NotRewritten(_describe(error), refused=False) from None


def _target(path: Path) -> Path:
    """The file to replace: ``path``, or the target of a link inside its folder."""
    try:
        is_link = path.is_symlink()
    except OSError as error:
        raise NotRewritten(_describe(error), refused=False) from None
    if not is_link:
        return path
    folder = Path(os.path.realpath(path.parent))
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(folder):
        raise NotRewritten(
            f"a symbolic link to {target}, outside its folder; not fixed", refused=True
        )
    return target


def _read(target: Path) -> tuple[os.stat_result, bytes]:
    try:
        info = os.stat(target)
        if not stat.S_ISREG(info.st_mode):
            raise NotRewritten("not a regular file; not fixed", refused=True)
        with open(target, "rb") as handle:
            return os.fstat(handle.fileno()), handle.read()
    except OSError as error:
        raise NotRewritten(_describe(error), refused=False) from None


def _check_policy(target: Path, info: os.stat_result) -> None:
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise NotRewritten("a read-only file; not fixed", refused=True)
    if info.st_nlink > 1:
        raise NotRewritten(
            f"has {info.st_nlink} hard links, which a rewrite would split; not fixed",
            refused=True,
        )


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        if codecs.lookup(encoding).name == "utf-8":
            data = data.removeprefix(UTF8_BOM)
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _replace(target: Path, data: bytes, info: os.stat_result, before: _Snapshot) -> None:
    folder = target.parent
    descriptor, name = _create_temporary(target)
    named: Path | None = name
    try:
        _write_all(descriptor, data)
        os.fsync(descriptor)
        _keep_mode(descriptor, name, info)
        _keep_owner(descriptor, info)
        _keep_extended_attributes(target, descriptor)
        _refuse_if_changed(target, before)
        if named is None:
            # Give the anonymous file a name only now, just before the rename.
            named = _temporary_name(target)
            _link_anonymous(descriptor, named)
        if _Snapshot.of(os.stat(target), b"").moved_from(before):
            raise NotRewritten(CHANGED, refused=True)
        os.replace(named, target)
        named = None
    finally:
        os.close(descriptor)
        if named is not None:
            named.unlink(missing_ok=True)
    _sync_folder(folder)


def _create_temporary(target: Path) -> tuple[int, Path | None]:
    """An open temporary file in the target's folder, and its name (None: anonymous)."""
    if O_TMPFILE is not None and os.path.isdir(_PROC_FD):
        try:
            return os.open(target.parent, O_TMPFILE | os.O_WRONLY, 0o600), None
        except OSError as error:
            # The file system does not support it: fall back to a named file.
            if error.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                raise
    name = _temporary_name(target)
    return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), name


def _link_anonymous(descriptor: int, name: Path) -> None:
    # linkat(2) with AT_SYMLINK_FOLLOW through /proc, as open(2) documents for
    # O_TMPFILE; os.link uses plain link(2), which refuses, unless given a folder.
    proc = os.open(_PROC_FD, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(str(descriptor), name, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)


def _temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.factcheck-{os.getpid()}-{secrets.token_hex(4)}.tmp")


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view[:_CHUNK])
        if written == 0:  # never for a regular file with room: treat it as full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def _keep_mode(descriptor: int, name: Path | None, info: os.stat_result) -> None:
    mode = stat.S_IMODE(info.st_mode)
    if hasattr(os, "fchmod"):
        os.fchmod(descriptor, mode)
    elif name is not None:  # Windows before Python 3.13: only the read-only bit counts
        os.chmod(name, mode)


def _keep_owner(descriptor: int, info: os.stat_result) -> None:
    if not hasattr(os, "fchown"):
        return  # no POSIX owners here
    mine = os.fstat(descriptor)
    if (mine.st_uid, mine.st_gid) == (info.st_uid, info.st_gid):
        return
    try:
        os.fchown(descriptor, info.st_uid, info.st_gid)
    except PermissionError:
        raise NotRewritten(
            f"owned by user {info.st_uid} group {info.st_gid}, which a rewrite "
            "would change; not fixed",
            refused=True,
        ) from None


def _keep_extended_attributes(target: Path, descriptor: int) -> None:
    """Copy ACLs, labels and user attributes to the new file, or refuse."""
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(target)
    except OSError as error:
        if error.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return  # the file system has none
        raise
    for name in names:
        try:
            value = os.getxattr(target, name)
            os.setxattr(descriptor, name, value)
        except OSError:
            raise NotRewritten(
                f"has the extended attribute {name}, which a rewrite would lose; not fixed",
                refused=True,
            ) from None


def _refuse_if_changed(target: Path, before: _Snapshot) -> None:
    try:
        info, data = _read(target)
    except NotRewritten:
        raise NotRewritten(CHANGED, refused=True) from None
    if _Snapshot.of(info, data) != before:
        raise NotRewritten(CHANGED, refused=True)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; not every system can open a folder."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def clean_stale_temporaries(target: Path) -> None:
    """Remove our own temporary files for ``target`` left by runs that were killed."""
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        match = _TEMPORARY_NAME.fullmatch(entry.name)
        if match is None or match["name"] != target.name or _alive(int(match["pid"])):
            continue
        try:
            # Windows has no geteuid, and every st_uid there is 0.
            mine = entry.stat(follow_symlinks=False).st_uid == getattr(os, "geteuid", int)()
            if entry.is_file(follow_symlinks=False) and mine:
                os.unlink(entry.path)
        except OSError:
            pass  # another run removed it, or we may not: it is only litter


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or not a pid: leave the file alone
    return True


def _describe(error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"{reason}; not fixed"
