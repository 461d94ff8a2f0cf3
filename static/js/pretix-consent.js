// Two-click pretix registration: nothing is requested from pretix before the visitor asks.
// Without JavaScript the plain link to the shop stays; with it, a button loads pretix's widget.
(() => {
    function addToHead(selector, create) {
        if (!document.head.querySelector(selector)) document.head.append(create());
    }

    function loadWidgetAssets(stylesheetUrl, scriptUrl, onError) {
        addToHead(`link[href="${CSS.escape(stylesheetUrl)}"]`, () => {
            const link = document.createElement("link");
            link.rel = "stylesheet";
            link.href = stylesheetUrl;
            return link;
        });
        addToHead(`script[src="${CSS.escape(scriptUrl)}"]`, () => {
            const script = document.createElement("script");
            script.src = scriptUrl;
            script.async = true;
            script.addEventListener("error", onError);
            return script;
        });
    }

    function showWidget(container) {
        const { pretixEvent, pretixItems, pretixVoucher, pretixStylesheet, pretixScript } =
            container.dataset;
        const target = container.querySelector("[data-pretix-target]");
        const widget = document.createElement("pretix-widget");
        widget.setAttribute("event", pretixEvent);
        if (pretixItems) widget.setAttribute("items", pretixItems);
        if (pretixVoucher) widget.setAttribute("voucher", pretixVoucher);
        if ("pretixDisableVouchers" in container.dataset) widget.setAttribute("disable-vouchers", "");
        // pretix replaces this text with the shop once its script has loaded.
        widget.textContent = "Die Anmeldung wird geladen …";
        target.replaceChildren(widget);
        container.querySelector("[data-pretix-controls]").hidden = true;
        target.focus();
        if (window.PretixWidget) {
            window.PretixWidget.buildWidgets();
            return;
        }
        loadWidgetAssets(pretixStylesheet, pretixScript, () => {
            widget.textContent =
                "Die Anmeldung konnte nicht geladen werden. Bitte nutze den Link zum Ticketshop.";
        });
    }

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("[data-pretix-consent]").forEach((container) => {
            const controls = container.querySelector("[data-pretix-controls]");
            const button = container.querySelector("[data-pretix-load]");
            if (!controls || !button || !container.querySelector("[data-pretix-target]")) return;
            // A page with several registration blocks includes this script more than once.
            if (container.hasAttribute("data-pretix-bound")) return;
            container.setAttribute("data-pretix-bound", "");
            controls.hidden = false;
            button.addEventListener("click", () => showWidget(container), { once: true });
        });
    });
})();
