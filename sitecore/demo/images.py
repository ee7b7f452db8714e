"""Demo pictures drawn with Pillow, so the demo needs no downloads."""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images.models import Image as WagtailImage


def _font(size):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # very old Pillow
        return ImageFont.load_default()


def landscape(seed, width=1200, height=600, label=""):
    """Sky, layered hills and rice terraces: a plausible village view."""
    rnd = random.Random(seed)
    img = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(img)
    top = (rnd.randint(90, 140), rnd.randint(160, 200), rnd.randint(220, 250))
    bottom = (250, 230, 200)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(top[i] * (1 - t) + bottom[i] * t) for i in range(3)),
        )
    sun_x = rnd.randint(width // 5, width * 4 // 5)
    draw.ellipse([sun_x - 45, 80, sun_x + 45, 170], fill=(255, 236, 170))
    for layer in range(4):
        base = int(height * (0.45 + layer * 0.13))
        amp = rnd.randint(25, 70)
        freq = rnd.uniform(1.2, 3.0)
        phase = rnd.uniform(0, math.pi * 2)
        shade = 40 + layer * 25
        colour = (shade // 2, 90 + layer * 30, shade // 3)
        points = [(0, height)]
        for x in range(0, width + 10, 10):
            y = base + amp * math.sin(freq * x / width * math.pi * 2 + phase)
            points.append((x, int(y)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    for row in range(6):
        y = int(height * 0.82) + row * 18
        draw.line([(0, y), (width, y - 30)], fill=(120, 170, 60), width=3)
    if label:
        font = _font(max(20, width // 30))
        draw.rectangle([0, height - 60, width, height], fill=(0, 0, 0))
        draw.text((20, height - 50), label, fill=(255, 255, 255), font=font)
    return img


def emblem(text, colour=(27, 94, 32), size=256):
    """A round village emblem with initials."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse([4, 4, size - 4, size - 4], fill=colour, outline=(255, 215, 0), width=10)
    draw.polygon(
        [(size * 0.2, size * 0.7), (size * 0.5, size * 0.25), (size * 0.8, size * 0.7)],
        fill=(255, 255, 255),
    )
    font = _font(size // 5)
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(((size - (box[2] - box[0])) / 2, size * 0.72), text, fill=(255, 215, 0), font=font)
    return img


def portrait(seed, size=(240, 300)):
    """A simple head-and-shoulders silhouette on a coloured background."""
    rnd = random.Random(seed)
    w, h = size
    bg = (rnd.randint(150, 210), rnd.randint(170, 220), rnd.randint(180, 230))
    img = Image.new("RGB", size, bg)
    draw = ImageDraw.Draw(img)
    skin = rnd.choice([(224, 172, 105), (198, 134, 66), (141, 85, 36), (241, 194, 125)])
    shirt = rnd.choice([(30, 60, 120), (120, 30, 30), (40, 100, 60), (90, 90, 90)])
    draw.ellipse([w * 0.15, h * 0.62, w * 0.85, h * 1.2], fill=shirt)
    draw.ellipse([w * 0.3, h * 0.18, w * 0.7, h * 0.6], fill=skin)
    draw.chord([w * 0.28, h * 0.12, w * 0.72, h * 0.45], 180, 360, fill=(30, 30, 30))
    return img


def save_image(pil_image, title, collection, filename, fmt="JPEG"):
    """Store a Pillow image as a Wagtail image in `collection` (reused if it exists)."""
    existing = WagtailImage.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    if fmt == "JPEG":
        pil_image = pil_image.convert("RGB")
        pil_image.save(buffer, format="JPEG", quality=82, optimize=True)
    else:
        pil_image.save(buffer, format=fmt, optimize=True)
    buffer.seek(0)
    image = WagtailImage(title=title, collection=collection)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image
