"""The spoken challenge: espeak-ng's Indonesian voice, as a small WAV made per request.

Runs offline on the server (Debian's `espeak-ng`, installed by `make system-deps`); no
third-party service hears the code. Without espeak-ng the form shows no player and
points to the office's other channels instead.
"""

import array
import io
import shutil
import subprocess
import wave

from sitecore.kodeaman.terbit import ANGKA

PROGRAM = "espeak-ng"


def tersedia():
    return shutil.which(PROGRAM) is not None


def kalimat(digits):
    ucapan = " ".join(ANGKA[int(d)] for d in digits)
    return f"Kode keamanan: {ucapan}. Sekali lagi: {ucapan}."


def wav(digits):
    """WAV bytes (11 kHz mono, 16-bit) speaking `digits` twice, or None without espeak-ng."""
    program = shutil.which(PROGRAM)
    if program is None:
        return None
    raw = subprocess.run(  # noqa: S603 - fixed program, text built from digits only
        [program, "-v", "id", "-s", "140", "-g", "5", "--stdout", kalimat(digits)],
        capture_output=True,
        check=True,
        timeout=10,
    ).stdout
    with wave.open(io.BytesIO(raw)) as src:
        rate, width = src.getframerate(), src.getsampwidth()
        frames = src.readframes(src.getnframes())
    if width == 2 and rate >= 16000:
        # Halve the rate, averaging pairs (a crude low-pass): a third of the download.
        samples = array.array("h", frames[: len(frames) // 4 * 4])
        pairs = zip(samples[::2], samples[1::2], strict=True)
        frames = array.array("h", ((a + b) // 2 for a, b in pairs))
        frames, rate = frames.tobytes(), rate // 2
    out = io.BytesIO()
    with wave.open(out, "wb") as dst:
        dst.setnchannels(1)
        dst.setsampwidth(width)
        dst.setframerate(rate)
        dst.writeframes(frames)
    return out.getvalue()
