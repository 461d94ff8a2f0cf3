// A short, self-hosted confetti burst at the end of a post the editor marked for celebration.
// Nothing moves for visitors who ask for reduced motion.
(() => {
    const marker = document.querySelector("[data-confetti]");
    if (!marker || window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
    const colours = ["#004b87", "#a8005a", "#ffd23f", "#2a9d8f", "#e76f51"];

    function burst() {
        const canvas = document.createElement("canvas");
        canvas.className = "confetti__canvas";
        canvas.setAttribute("aria-hidden", "true");
        canvas.width = window.innerWidth;
        canvas.height = window.innerHeight;
        document.body.appendChild(canvas);
        const context = canvas.getContext("2d");
        const pieces = Array.from({ length: 120 }, () => ({
            x: canvas.width / 2,
            y: canvas.height * 0.7,
            speedX: (Math.random() - 0.5) * 14,
            speedY: -Math.random() * 16 - 6,
            size: 5 + Math.random() * 6,
            colour: colours[Math.floor(Math.random() * colours.length)],
        }));
        const started = performance.now();
        function frame(now) {
            context.clearRect(0, 0, canvas.width, canvas.height);
            for (const piece of pieces) {
                piece.speedY += 0.45;
                piece.x += piece.speedX;
                piece.y += piece.speedY;
                context.fillStyle = piece.colour;
                context.fillRect(piece.x, piece.y, piece.size, piece.size * 0.6);
            }
            if (now - started < 2500) {
                requestAnimationFrame(frame);
            } else {
                canvas.remove();
            }
        }
        requestAnimationFrame(frame);
    }

    const observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
            observer.disconnect();
            burst();
        }
    });
    marker.hidden = false;
    observer.observe(marker);
})();
