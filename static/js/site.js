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

// A form sent back with errors: move the focus to its summary, so screen readers read it out
// and keyboard users go on from there (the summary links to each field).
document.addEventListener("DOMContentLoaded", () => {
    const summary = document.querySelector(".form-errors[tabindex='-1']");
    if (summary) summary.focus();
});
