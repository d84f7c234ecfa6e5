"""Writing a file so that a crash, a full disk or a refused check leaves the old file as it was.

Every file nnviz writes (experiment files, pictures, animations, code,
curves, desktop entries) goes through :func:`atomic_write_bytes`: the new
content is written beside the target, flushed, optionally read back and
checked, and only then renamed over the target. This is about files on a
disk, not about experiments; files.py uses it to save a session.
"""

import errno
import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path, data, check=None):
    """Write bytes to path so that afterwards either the whole new file or the old one is there.

    The new content goes to a file in the target's folder, is flushed to
    disk, read back and passed to ``check(bytes)`` (which raises to refuse
    it), then renamed over the target. A symlink is followed: the link stays
    and its target is replaced. Where the system allows (Linux O_TMPFILE) the
    file has no name until it is complete, so a process killed while writing
    leaves nothing behind; otherwise it is a hidden ``.NAME.PID.*.tmp``, removed
    on any error, and left-overs of killed processes are removed by the next
    save. OS errors name ``path`` as the user gave it, never the temporary file.
    """
    path = Path(path)
    target = Path(os.path.realpath(path))
    try:
        _remove_stale_temporaries(target)
        fd, tmp = _open_temporary(target)
    except OSError as err:
        raise _named(err, path) from None
    try:
        with os.fdopen(fd, "w+b") as f:
            os.fchmod(f.fileno(), output_mode(target))  # a temporary file is private; the output is not
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            if check is not None:
                f.seek(0)
                check(f.read())
            if tmp is None:                             # nameless until here: give it a name, then move it
                tmp = _temporary_name(target)
                _link_nameless(f.fileno(), tmp)
        os.replace(tmp, target)
    except BaseException as err:
        if tmp is not None and os.path.lexists(tmp):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise _named(err, path) from None
        raise


def _temporary_prefix(target):
    """``.NAME.`` of the temporary files beside target; a long NAME is cut so the whole stays a legal name."""
    return f".{target.name[:200]}."


def _temporary_name(target):
    return str(target.parent / f"{_temporary_prefix(target)}{os.getpid()}.{os.urandom(4).hex()}.tmp")


def _link_nameless(fd, name):
    """Give the O_TMPFILE file open as fd a name: linkat(2) following /proc/self/fd/FD.

    os.link uses plain link(2), which does not follow that magic link, unless
    a directory descriptor is given; passing the folder's makes it linkat.
    """
    folder = os.open(os.path.dirname(name), os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{fd}", os.path.basename(name), dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


def _open_temporary(target):
    """(fd, name) of a new file in target's folder; name None for a nameless O_TMPFILE file."""
    flag = getattr(os, "O_TMPFILE", 0)
    if flag:
        try:
            return os.open(target.parent, flag | os.O_RDWR, 0o600), None
        except OSError as err:
            if err.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                raise
            if err.errno == errno.ENOENT and not target.parent.is_dir():
                raise
    fd, tmp = tempfile.mkstemp(prefix=f"{_temporary_prefix(target)}{os.getpid()}.", suffix=".tmp",
                               dir=target.parent)
    return fd, tmp


def _remove_stale_temporaries(target):
    """Remove ``.NAME.PID.*.tmp`` files beside target left by processes that no longer run."""
    prefix = _temporary_prefix(target)
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix):].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid() or _running(int(pid)):
            continue
        try:
            os.unlink(target.parent / name)
        except OSError:
            pass


def _running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _named(err, path):
    """The same OS error, naming the user's path instead of a temporary file or folder."""
    return OSError(err.errno, err.strerror or str(err), str(path)) if err.errno else err


def output_mode(path):
    """Permissions for a file written to ``path``: the old file's, else those of a new file (umask)."""
    try:
        return Path(path).stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def atomic_write_text(path, text):
    """Write text (UTF-8) to path as :func:`atomic_write_bytes` does."""
    atomic_write_bytes(path, text.encode("utf-8"))
