"""Recorded animations: frame counts, sizes and timing of GIFs, cancelling, MP4 through ffmpeg."""

import math
import os
import stat
import sys
from functools import partial

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from nnviz.app.main_window import MainWindow
from nnviz.app.window_picture import open_picture
from nnviz.export import animation as anim
from nnviz.session import Session
from nnviz.ui.recording import record

SMALL = {"dataset": "xor", "n_samples": 60, "noise": 0.05, "seed": 0, "batch_size": 6, "lr": 0.3,
         "hidden": [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "tanh"}]}

picture_of = partial(open_picture, window_class=MainWindow)


@pytest.fixture
def picture(qapp):
    p = picture_of(Session(SMALL), "network", size=(320, 200))
    yield p
    p.close()


def frames_of(path):
    """[(rgb array, duration ms)], and the first frame's (size, loop)."""
    with Image.open(path) as image:
        out = []
        for k in range(image.n_frames):
            image.seek(k)
            out.append((np.asarray(image.convert("RGB")), image.info.get("duration")))
        image.seek(0)
        return out, (image.size, image.info.get("loop"))


def test_plans_count_their_frames():
    plan = anim.step_plan(3, tween=2)            # 3 layers: 8 phases, 4 of them glide
    assert (plan.moves, plan.glides, plan.frames) == (8, 4, 1 + 8 + 2 * 4)
    assert anim.step_plan(3).frames == 9
    run = anim.run_plan(25, 10)
    assert (run.moves, run.last, run.frames) == (3, 5, 4)
    assert anim.run_plan(600).every == 10
    for bad in (lambda: anim.step_plan(2, -1), lambda: anim.run_plan(0), lambda: anim.run_plan(5, 0)):
        with pytest.raises(ValueError):
            bad()


def test_one_step_gif_has_every_phase_and_the_in_betweens(picture, tmp_path):
    session = picture.session
    picture.train(4)
    plan = anim.step_plan(session.n_layers, tween=2)
    seen = []
    out = tmp_path / "step.gif"
    n = record(picture, plan, out, fps=10, hold=0.5, progress=lambda d, t: seen.append((d, t)))
    assert n == plan.frames == 1 + 8 + 2 * 4
    assert seen == [(k, plan.frames) for k in range(1, plan.frames + 1)]
    frames, (size, loop) = frames_of(out)
    assert len(frames) == plan.frames
    assert size == (320, 200)
    assert loop == 0
    durations = [d for _f, d in frames]
    # every phase lasts (tween + 1) frame times; the last frame is held 0.5 s longer
    assert sum(durations) == pytest.approx(100 * (1 + 8 * 3) + 500, abs=10 * len(durations))
    assert durations[-1] >= 500
    assert session.step == 5 and session.phase.kind == "update"
    # the frames differ: the lit band moves across the net
    assert all(np.any(a[0] != b[0]) for a, b in zip(frames, frames[1:]))


def test_run_gif_has_a_frame_every_k_steps(picture, tmp_path):
    plan = anim.run_plan(12, every=4)
    out = tmp_path / "run.gif"
    assert record(picture, plan, out, fps=5, scale=2) == 4
    frames, (size, _loop) = frames_of(out)
    assert len(frames) == 4
    assert size == (640, 400)
    assert picture.session.step == 12


def test_a_cancelled_recording_leaves_no_file(picture, tmp_path):
    out = tmp_path / "step.gif"
    with pytest.raises(anim.Cancelled):
        record(picture, anim.step_plan(3), out, progress=lambda done, total: done < 3)
    assert not list(tmp_path.iterdir())


def test_bad_arguments_are_refused_before_drawing(picture, tmp_path, monkeypatch):
    plan = anim.step_plan(3)
    for kwargs, match in (({"fps": 0}, "fps"), ({"fps": 500}, "fps"), ({"hold": -1}, "hold"),
                          ({"scale": 0}, "scale")):
        with pytest.raises(ValueError, match=match):
            record(picture, plan, tmp_path / "a.gif", **kwargs)
    with pytest.raises(ValueError, match=".gif or .mp4"):
        record(picture, plan, tmp_path / "a.avi")
    monkeypatch.setattr(anim, "ffmpeg_path", lambda: None)
    with pytest.raises(ValueError, match="MP4 needs ffmpeg"):
        record(picture, plan, tmp_path / "a.mp4")
    assert picture.session.step == 0
    assert not list(tmp_path.iterdir())


def fake_ffmpeg(tmp_path, fail=False):
    """A stand-in encoder: counts the bytes piped in and writes them to the output file."""
    script = tmp_path / "ffmpeg"
    script.write_text(f"#!{sys.executable}\n"
                      "import sys\n"
                      "n = len(sys.stdin.buffer.read())\n"
                      + ("sys.stderr.write('boom: unknown encoder\\n'); sys.exit(3)\n" if fail else "")
                      + "open(sys.argv[-1], 'w').write(str(n) + ' ' + ' '.join(sys.argv[1:-1]))\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_mp4_frames_are_piped_to_ffmpeg(picture, tmp_path, monkeypatch):
    tool = tmp_path / "tool"
    tool.mkdir()
    monkeypatch.setattr(anim, "ffmpeg_path", lambda: fake_ffmpeg(tool))
    out = tmp_path / "step.mp4"
    plan = anim.step_plan(3, tween=1)
    n = record(picture, plan, out, fps=4, hold=1.0)
    assert n == plan.frames
    size, args = out.read_text().split(" ", 1)
    ticks = 1 + plan.moves * (plan.tween + 1) + 4            # frame times, and 1 s held at 4 fps
    assert int(size) == ticks * 320 * 200 * 3
    assert "-s 320x200" in args and "-r 4" in args and "libx264" in args
    assert sorted(p.name for p in tmp_path.iterdir()) == ["step.mp4", "tool"]


def test_an_encoder_failure_is_reported_and_leaves_no_file(picture, tmp_path, monkeypatch):
    tool = tmp_path / "tool"
    tool.mkdir()
    monkeypatch.setattr(anim, "ffmpeg_path", lambda: fake_ffmpeg(tool, fail=True))
    with pytest.raises(RuntimeError, match="boom: unknown encoder"):
        record(picture, anim.step_plan(3), tmp_path / "step.mp4")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tool"]


def test_real_mp4_with_the_ffmpeg_that_ships_with_nnviz(picture, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))           # no system ffmpeg: imageio-ffmpeg's own
    monkeypatch.delenv("IMAGEIO_FFMPEG_EXE", raising=False)
    assert "imageio_ffmpeg" in anim.ffmpeg_path()
    out = tmp_path / "step.mp4"
    frames = record(picture, anim.step_plan(3), out, fps=8, hold=0.5)
    assert b"ftyp" in out.read_bytes()[:64]
    n, seconds = imageio_ffmpeg.count_frames_and_secs(str(out))
    assert n == frames + 4 and seconds == pytest.approx(n / 8, abs=0.2)


def test_window_run_recording(qapp, tmp_path):
    with picture_of(Session(SMALL), "window", size=(1300, 800)) as p:
        out = tmp_path / "window.gif"
        assert record(p, anim.run_plan(6, every=3), out, fps=4, scale=0.5) == 3
    frames, (size, _loop) = frames_of(out)
    assert len(frames) == 3 and size == (650, 400)
    assert not math.isclose(float(np.mean(frames[0][0])), 0.0)
    assert os.path.getsize(out) > 10_000


def test_a_gif_stores_only_what_changed(tmp_path):
    """Pixels as in the frame before are coded transparent: a frame that moves a little costs little."""
    rng = np.random.default_rng(0)
    still = rng.integers(0, 256, (120, 160, 3), dtype=np.uint8)     # a busy picture that stays
    frames = []
    for k in range(6):
        rgb = still.copy()
        rgb[40:60, 10 + 20 * k:30 + 20 * k] = (255, 0, 0)            # a small square that moves
        rgb[:4, :4] = rgb[-4:, -4:] = (0, 0, 40 * k)                 # and two corners: a change as wide as the frame
        frames.append((rgb, 1))
    out = tmp_path / "moving.gif"
    anim.encode(frames, out, fps=10, hold=0)
    decoded, _ = frames_of(out)
    palette_error = [np.abs(d.astype(int) - f.astype(int)).mean() for (d, _), (f, _) in zip(decoded, frames)]
    assert len(decoded) == 6 and max(palette_error) < 20        # every frame shows its picture (255 colors)
    assert all(np.array_equal(d[4:40], decoded[0][0][4:40]) and np.array_equal(d[60:-4], decoded[0][0][60:-4])
               for d, _ in decoded)                            # what stays is drawn the same in every frame
    assert all(np.array_equal(d[40:60, 10 + 20 * k:30 + 20 * k], np.broadcast_to([255, 0, 0], (20, 20, 3)))
               for k, (d, _) in enumerate(decoded))
    one = tmp_path / "one.gif"
    anim.encode(frames[:1], one, fps=10, hold=0)
    assert os.path.getsize(out) < 1.3 * os.path.getsize(one)    # five more frames: a few KB, not five pictures
