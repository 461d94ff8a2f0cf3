# Varnish between nginx (TLS, 127.0.0.1:443) and gunicorn (127.0.0.1:8000): the shared cache of
# OIC CMS for anonymous visitors. Debian 12's varnish (7.1). Install: copy to
# /etc/varnish/oic-cms.vcl and deploy/systemd/varnish.service.d/ to /etc/systemd/system/
# (listens on 127.0.0.1:6081, which deploy/nginx/oic-cms.conf proxies to).
#
# What is cached is decided by the site, not here: only answers the backend marks
# `Cache-Control: public` (pagecache/middleware.py: anonymous 200s, `s-maxage=CDN_CACHE_SECONDS`),
# never one that sets a cookie. The admin, POSTs and every request of a signed-in editor (the
# session cookie) go straight through.
#
# Purging: the site sends `PURGE <page address>` to FRONTEND_CACHE_LOCATION on every publish,
# unpublish, move or delete (wagtail.contrib.frontend_cache, pagecache/signals.py). Here a PURGE
# retires every page of that host, not only the named one: listings, the home page, author,
# format and category pages, related posts, feeds, the sitemap and the search show the changed
# page too, and Wagtail names only the page itself. The site's own page cache does the same
# (one generation bump per change). Publishing happens a few times a day, and refilling costs
# one render per page then, which the site's page cache mostly answers.

vcl 4.1;

import std;

backend oic_cms {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 60s;
}

# Who may purge: the site itself, which runs on this machine. nginx reaches Varnish from the
# loopback too, so deploy/nginx/oic-cms.conf refuses PURGE from visitors.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Varnish appends the address it saw (nginx's, 127.0.0.1) to X-Forwarded-For; taken off
    # again, the site sees the header as nginx wrote it, so TRUSTED_PROXY_COUNT stays 1 (the
    # last entry is the visitor's address as nginx saw it) with or without Varnish.
    set req.http.X-Forwarded-For = regsub(req.http.X-Forwarded-For, "(^|, *)[^,]*$", "");
    if (req.http.X-Forwarded-For == "") {
        unset req.http.X-Forwarded-For;
    }
    # One cache per host name, whatever port the Host header names: no copies per `Host: x:N`.
    set req.http.X-Cache-Host = std.tolower(regsub(req.http.Host, ":[0-9]+$", ""));

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.http.X-Cache-Host !~ "^[a-z0-9.\-\[\]:]+$") {
            return (synth(400, "Host required"));
        }
        # A ban on the object's own header: checked on every lookup at once, and by the ban
        # lurker in the background, which frees the memory of the retired pages.
        if (std.ban("obj.http.X-Cache-Host == " + req.http.X-Cache-Host)) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin (also its sign-in and two-factor pages) and signed-in editors, whose session
    # cookie also carries previews: never from the cache.
    if (req.url ~ "^/admin(/|\?|$)" || req.http.Authorization
            || req.http.Cookie ~ "(^|;)\s*sessionid=") {
        return (pass);
    }

    # Cookies the site does not read (analytics, a consent tool's, anything a browser brings
    # along) would make every visitor's request different: only Django's CSRF cookie is kept,
    # so a form rendered for this visitor keeps its token. A page with a form sets that cookie
    # and is therefore never cached (see vcl_backend_response).
    if (req.http.Cookie) {
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";(csrftoken)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    # The site is German only; Django still answers `Vary: Accept-Language`, which would keep
    # one copy per browser language setting.
    unset req.http.Accept-Language;
    # Campaign parameters no page reads: one copy for every newsletter or social media link.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=") {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=[^&]*&?", "\1");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.X-Cache-Host);
    # nginx redirects http to https, but a copy for the one must never answer the other.
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_backend_response {
    # What a PURGE of this host bans (see vcl_recv); removed again before delivery.
    set beresp.http.X-Cache-Host = bereq.http.X-Cache-Host;
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what the site calls public, with a lifetime, and never an answer that sets a cookie
    # (a session, a CSRF token): anything else is fetched anew for every visitor. For two minutes
    # Varnish remembers that (hit-for-miss), so such requests do not queue behind each other.
    if (beresp.http.Set-Cookie
            || beresp.http.Cache-Control !~ "(^|,)\s*public\s*(,|$)"
            || beresp.http.Cache-Control ~ "private|no-store|no-cache"
            || beresp.ttl <= 0s) {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # beresp.ttl is the site's s-maxage, beresp.grace its stale-while-revalidate.
    return (deliver);
}

# gunicorn not answering (a restart, an overload): pages still within their grace
# (stale-while-revalidate) come from the cache; for the rest a German page, not Varnish's own.
sub vcl_backend_error {
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "30";
    synthetic({"<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>Gleich wieder da · Open Innovation City Bielefeld</title></head>
<body>
<h1>Die Website ist gleich wieder da</h1>
<p>Sie wird gerade neu gestartet oder ist überlastet. Bitte versuchen Sie es in einer Minute
noch einmal.</p>
</body>
</html>
"});
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Cache-Host;
    unset resp.http.Via;
    # HIT, MISS or PASS of this cache (X-Cache is the site's own page cache behind it).
    if (obj.uncacheable) {
        set resp.http.X-Proxy-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "HIT";
    } else {
        set resp.http.X-Proxy-Cache = "MISS";
    }
}
