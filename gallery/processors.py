"""What every rendition goes through, besides resizing."""

# The lightbox image fits in this box and is never enlarged.
LARGE_BOX = (1600, 1600)


class StripMetadata:
    """Drop EXIF (camera, time, GPS position), XMP and comments from the picture.

    Pillow writes only what it is asked to, but images carry their `info`
    along through every processor; clearing it keeps a later format or
    Pillow change from copying personal data into a served file. It runs
    last: Transpose reads the orientation from the EXIF first.
    """

    def process(self, image):
        image.info = {}
        return image


def large_size(width, height):
    """Size of the `large` rendition, computed the way pilkit's ResizeToFit does."""
    if not width or not height:
        return 0, 0
    box_width, box_height = LARGE_BOX
    ratio = min(box_width / width, box_height / height)
    new_width, new_height = int(round(width * ratio)), int(round(height * ratio))
    # upscale=False: pilkit resizes only when both sides shrink.
    if new_width < width and new_height < height:
        return new_width, new_height
    return width, height
