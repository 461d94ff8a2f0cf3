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
