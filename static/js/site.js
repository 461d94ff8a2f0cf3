// Two-click video embeds: nothing is requested from the video platform before the visitor asks.
document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-video-embed-url]").forEach((container) => {
        const button = container.querySelector(".video__play");
        if (!button) return;
        button.hidden = false;
        button.addEventListener("click", () => {
            const frame = document.createElement("iframe");
            frame.src = container.dataset.videoEmbedUrl;
            frame.title = container.dataset.videoTitle;
            frame.allow = "autoplay; fullscreen; picture-in-picture";
            frame.allowFullscreen = true;
            container.replaceChildren(frame);
            frame.focus();
        });
    });
});

// Newsletter forms: pages come from a cache, so the form cannot say when this visitor saw it.
// When a form comes into view (or is used), fetch a fresh token that proves it, once per view
// (newsletter/form_tokens.py). Without it the server simply asks to press the button again.
document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form[data-form-token-url]").forEach((form) => {
        const input = form.querySelector('input[name="form_token"]');
        if (!input || input.value) return;
        let pending = false;
        const fetchToken = () => {
            if (pending || input.value) return;
            pending = true;
            fetch(form.dataset.formTokenUrl, {
                credentials: "same-origin",
                cache: "no-store",
                headers: { Accept: "application/json" },
            })
                .then((response) => (response.ok ? response.json() : null))
                .then((data) => {
                    if (data && typeof data.token === "string") input.value = data.token;
                })
                .catch(() => {})
                .finally(() => {
                    pending = false;
                });
        };
        form.addEventListener("focusin", fetchToken);
        // Back to this page from the browser's memory: the token there may be used up.
        window.addEventListener("pageshow", (event) => {
            if (!event.persisted) return;
            input.value = "";
            fetchToken();
        });
        if ("IntersectionObserver" in window) {
            const observer = new IntersectionObserver((entries) => {
                if (entries.some((entry) => entry.isIntersecting)) {
                    observer.disconnect();
                    fetchToken();
                }
            });
            observer.observe(form);
        } else {
            fetchToken();
        }
    });
});

// Dismissible notices (the newsletter bar): site.css shows the close button where scripts run,
// and the choice is remembered in this browser. Without storage (private mode) it closes for now.
document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-dismissible]").forEach((notice) => {
        const key = `oic-dismissed-${notice.dataset.dismissible}`;
        try {
            if (window.localStorage.getItem(key) === "1") {
                notice.hidden = true;
                return;
            }
        } catch {}
        notice.querySelector("[data-dismiss]")?.addEventListener("click", () => {
            notice.hidden = true;
            try {
                window.localStorage.setItem(key, "1");
            } catch {}
            document.getElementById("main")?.focus();
        });
    });
});

// The header menu folds away on narrow screens behind the "Menü" button; site.css hides the
// menu there before the first paint unless it has the class "is-open".
document.addEventListener("DOMContentLoaded", () => {
    const toggle = document.querySelector(".menu-toggle");
    const menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!menu) return;
    const setOpen = (open) => {
        toggle.setAttribute("aria-expanded", String(open));
        menu.classList.toggle("is-open", open);
    };
    toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
    menu.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && getComputedStyle(toggle).display !== "none") {
            setOpen(false);
            toggle.focus();
        }
    });
});

// A form sent back with errors: move the focus to its summary, so screen readers read it out
// and keyboard users go on from there (the summary links to each field).
document.addEventListener("DOMContentLoaded", () => {
    const summary = document.querySelector(".form-errors[tabindex='-1']");
    if (summary) summary.focus();
});
