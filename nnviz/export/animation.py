"""Animations of training for slides, without Qt: what to record and how to encode it as GIF or MP4.

A recording (:func:`nnviz.ui.recording.record`) drives a picture of a
session and renders a frame after each move of a :class:`Plan`:

* **one step** (:func:`step_plan`): the picture before the step, then
  ``forward 1 … forward L``, ``loss``, ``backward L … backward 1``,
  ``update``.  With ``tween`` > 0 the lit band glides from one layer to the
  next through that many in-between frames (the phase's new colors show at
  once; only the band moves), and every phase lasts ``tween + 1`` frame times;
* **a training run** (:func:`run_plan`): the picture before training, then
  one frame every ``every`` steps (and after the last step).

:func:`encode` writes the frames.  A frame time is ``1 / fps`` seconds; the
last frame stays ``hold`` seconds longer, so a looping GIF pauses on the
result.  GIFs are written with Pillow (one 256-color palette for all frames,
looping forever); MP4s by the ``ffmpeg`` that the imageio-ffmpeg package
ships in its wheel (or the one ``IMAGEIO_FFMPEG_EXE`` names), fed raw frames
through a pipe (H.264, yuv420p, sizes padded to even numbers), so MP4 needs
nothing installed besides nnviz.  GIF frames
are kept zlib-compressed until the GIF is written (a few hundred KB each at
most); MP4 frames go to the encoder as they are made.  A recording that is
cancelled (:class:`Cancelled`) or fails leaves no file behind.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
import tempfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg
import numpy as np
from PIL import Image

from nnviz.session.files import atomic_write_bytes, output_mode

FORMATS = ("gif", "mp4")
MAX_FPS = 60
MAX_FRAMES = 5000
MP4_NEEDS_FFMPEG = "MP4 needs ffmpeg, which the imageio-ffmpeg package ships and which was not found; " \
                   "reinstall nnviz (pip install --force-reinstall imageio-ffmpeg) or use .gif"


class Cancelled(Exception):
    """The progress callback asked to stop; nothing was written."""


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"{Path(path).name}: animations are .gif or .mp4, not "
                         f"{('.' + suffix) if suffix else 'no suffix'}")
    return suffix


def ffmpeg_path() -> str | None:
    """The ffmpeg executable: imageio-ffmpeg's own (or IMAGEIO_FFMPEG_EXE), else one on the PATH; None if none."""
    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError:
        return shutil.which("ffmpeg")


@dataclass(frozen=True)
class Plan:
    """What a recording does: ``moves`` session moves, each followed by a frame.

    kind: "step" (moves are phases) or "run" (moves are ``every`` training
    steps each, the last one ``last`` steps).  ``tween``: in-between frames
    where the lit band glides from one layer to the next (``glides`` moves of
    a step do that: forward 1→2 … L-1→L and backward L→L-1 … 2→1); the other
    moves show their frame for as long, so every phase lasts equally.
    """

    kind: str
    moves: int
    every: int = 1
    last: int = 1
    tween: int = 0
    glides: int = 0

    @property
    def frames(self) -> int:
        """Frames in the file: the first picture, one per move, and the in-betweens."""
        return 1 + self.moves + self.tween * self.glides


def step_plan(n_layers: int, tween: int = 0) -> Plan:
    """One training step: forward 1..L, loss, backward L..1, update."""
    if tween < 0:
        raise ValueError(f"tween must be 0 or more, got {tween}")
    return Plan("step", 2 * n_layers + 2, tween=int(tween), glides=2 * (n_layers - 1))


def run_plan(steps: int, every: int | None = None) -> Plan:
    """``steps`` training steps, a frame every ``every`` (default: about 60 frames in all)."""
    steps = int(steps)
    if steps < 1:
        raise ValueError(f"a training run needs at least 1 step, got {steps}")
    every = max(1, steps // 60) if every is None else int(every)
    if every < 1:
        raise ValueError(f"every must be 1 or more, got {every}")
    moves = math.ceil(steps / every)
    return Plan("run", moves, every=every, last=steps - (moves - 1) * every)


def check_fps(fps: float) -> float:
    f = float(fps)
    if not (math.isfinite(f) and 0 < f <= MAX_FPS):
        raise ValueError(f"fps must be above 0 and at most {MAX_FPS}, got {fps!r}")
    return f


def check_recording(plan: Plan, path: str | Path, fps: float, hold: float) -> tuple[str, float]:
    """(format, fps) of a recording, or ValueError naming what is wrong -- before anything is drawn."""
    kind = format_of(path)
    fps = check_fps(fps)
    if plan.frames > MAX_FRAMES:
        raise ValueError(f"{plan.frames} frames is more than {MAX_FRAMES}; record fewer steps or a frame "
                         "every more steps")
    if hold < 0:
        raise ValueError(f"hold must be 0 seconds or more, got {hold}")
    if kind == "mp4" and ffmpeg_path() is None:
        raise ValueError(MP4_NEEDS_FFMPEG)
    return kind, fps


def encode(frames: Iterable[tuple[np.ndarray, int]], path: str | Path, fps: float = 10.0,
           hold: float = 1.0) -> int:
    """Write ``frames`` -- (RGB array (h, w, 3) of uint8, frame times it lasts) -- as a GIF or MP4.

    Returns the number of frames written.  An exception raised while the
    frames are made (:class:`Cancelled`, a drawing error) or by the encoder
    (RuntimeError) leaves no file behind.
    """
    kind = format_of(path)
    fps = check_fps(fps)
    sink = _GifSink(fps, hold) if kind == "gif" else _Mp4Sink(path, fps, hold)
    try:
        for rgb, ticks in frames:
            sink.add(rgb, ticks)
        data = sink.finish()
    except BaseException:
        sink.abort()
        raise
    if data is not None:
        atomic_write_bytes(path, data)
    return sink.count


class _GifSink:
    """Frames kept as zlib-compressed differences (lossless, small, fast); one GIF at the end.

    Each frame is stored as its XOR with the one before: where nothing moved
    that is zeros, which compress several times faster than the picture.  One
    palette for all frames, made from a sample of them: a pixel that does not
    change keeps its palette index, so Pillow stores only the changed
    rectangle of each frame, and colors do not flicker.  No dithering: flat
    areas and thin lines stay clean.
    """

    SAMPLE_FRAMES = 12
    UNCHANGED = 255             # palette index of "as in the frame before" (transparent)

    def __init__(self, fps: float, hold: float) -> None:
        self.frame_ms = 1000.0 / fps
        self.hold_ms = 1000.0 * hold
        self.frames: list[bytes] = []
        self.ticks: list[int] = []
        self.shape: tuple[int, ...] | None = None
        self._previous: np.ndarray | None = None

    @property
    def count(self) -> int:
        return len(self.frames)

    def add(self, rgb: np.ndarray, ticks: int = 1) -> None:
        if self.shape is not None and rgb.shape != self.shape:
            raise RuntimeError("the picture changed size while recording")
        self.shape = rgb.shape
        rgb = np.ascontiguousarray(rgb)
        delta = rgb if self._previous is None else np.bitwise_xor(rgb, self._previous)
        self.frames.append(zlib.compress(delta.tobytes(), 1))
        self.ticks.append(int(ticks))
        self._previous = rgb

    def _pictures(self):
        """The frames again, in order, as (h, w, 3) arrays."""
        current = None
        for data in self.frames:
            delta = np.frombuffer(zlib.decompress(data), np.uint8).reshape(self.shape)
            current = delta.copy() if current is None else np.bitwise_xor(current, delta)
            yield current

    def palette(self) -> Image.Image:
        """255 colors from every other pixel of up to SAMPLE_FRAMES frames spread over the recording
        (the 256th index, UNCHANGED, marks pixels that keep the frame before's color)."""
        n = len(self.frames)
        picks = {round(i * (n - 1) / max(1, self.SAMPLE_FRAMES - 1)) for i in range(self.SAMPLE_FRAMES)}
        sample = [rgb[::2, ::2] for k, rgb in enumerate(self._pictures()) if k in picks]
        mosaic = Image.fromarray(np.ascontiguousarray(np.concatenate(sample)), "RGB")
        return mosaic.quantize(colors=self.UNCHANGED, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)

    def _coded(self, palette: Image.Image):
        """Each frame in the palette, its pixels that did not change from the frame before as UNCHANGED.

        The GIF shows an UNCHANGED pixel as transparent over the frame before (disposal 1), so only
        what moved is stored, and the long runs of UNCHANGED compress to almost nothing.
        """
        colors = palette.getpalette()[:3 * self.UNCHANGED] + [0, 0, 0]
        previous = None
        for rgb in self._pictures():
            indices = np.asarray(Image.fromarray(rgb, "RGB").quantize(palette=palette, dither=Image.Dither.NONE))
            coded = indices if previous is None else np.where(indices == previous, self.UNCHANGED, indices)
            previous = indices
            frame = Image.fromarray(np.ascontiguousarray(coded, dtype=np.uint8), "P")
            frame.putpalette(colors)
            yield frame

    def finish(self) -> bytes:
        frames = list(self._coded(self.palette()))
        durations = [round(self.frame_ms * n) for n in self.ticks]
        durations[-1] += round(self.hold_ms)
        buf = io.BytesIO()
        frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:], duration=durations,
                       loop=0, disposal=1, transparency=self.UNCHANGED, optimize=False)
        return buf.getvalue()

    def abort(self) -> None:
        self.frames = []


class _Mp4Sink:
    """Raw RGB frames piped to ffmpeg, which writes a temporary file beside the target."""

    def __init__(self, path, fps: float, hold: float) -> None:
        self.path = Path(path)
        self.fps = fps
        self.hold_frames = round(hold * fps)
        self.count = 0
        self.proc: subprocess.Popen | None = None
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".mp4", dir=self.path.parent)
        os.close(fd)
        self.last: np.ndarray | None = None

    def _start(self, h: int, w: int) -> None:
        cmd = [ffmpeg_path() or "ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
               "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-r", f"{self.fps:g}", "-i", "-",
               "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-pix_fmt", "yuv420p",
               "-movflags", "+faststart", "-f", "mp4", self.tmp]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)

    def _write(self, rgb: np.ndarray) -> None:
        try:
            self.proc.stdin.write(np.ascontiguousarray(rgb).tobytes())
        except BrokenPipeError:
            raise RuntimeError(f"ffmpeg stopped: {self._stderr()}") from None

    def add(self, rgb: np.ndarray, ticks: int = 1) -> None:
        if self.proc is None:
            self.shape = rgb.shape
            self._start(*rgb.shape[:2])
        elif rgb.shape != self.shape:
            raise RuntimeError("the picture changed size while recording")
        for _ in range(ticks):
            self._write(rgb)
        self.last = rgb
        self.count += 1

    def _stderr(self) -> str:
        err = self.proc.stderr.read().decode("utf-8", "replace").strip() if self.proc else ""
        return err.splitlines()[-1] if err else "no message"

    def finish(self) -> None:
        for _ in range(self.hold_frames):
            self._write(self.last)
        self.proc.stdin.close()
        code = self.proc.wait()
        if code != 0:
            raise RuntimeError(f"ffmpeg failed (exit status {code}): {self._stderr()}")
        self.proc.stderr.close()
        os.chmod(self.tmp, output_mode(self.path))
        os.replace(self.tmp, self.path)
        return None

    def abort(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.proc is not None:
            for stream in (self.proc.stdin, self.proc.stderr):
                try:
                    stream.close()
                except (OSError, ValueError):
                    pass
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)
