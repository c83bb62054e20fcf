from django.conf import settings


def client_ip(request):
    """The visitor's address, trusting only our own reverse proxies.

    With PROXY_COUNT proxies in front, the address is the one the outermost
    of ours appended to X-Forwarded-For; anything before it is
    client-supplied and could be forged.
    """
    proxies = settings.PROXY_COUNT
    if proxies:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
