from core.validators import validate_image


def validate_photo(upload):
    """Kept for the migrations that name it: validate_image decodes fully now."""
    validate_image(upload)
