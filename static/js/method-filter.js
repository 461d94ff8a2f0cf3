// Methodenkoffer: filter without reloading the page. The form and every link also work without
// JavaScript; this only fetches the results fragment (?partial=1), swaps it in, announces the
// number of results and keeps the address shareable with history.pushState.
(() => {
    const form = document.querySelector("[data-method-filter]");
    const results = document.querySelector("[data-method-results]");
    const status = document.querySelector("[data-method-status]");
    if (!form || !results || !status || !("fetch" in window)) return;

    let pending = null;

    const addressOfForm = () => {
        const url = new URL(form.action, window.location.href);
        url.search = "";
        for (const [name, value] of new FormData(form)) {
            const text = String(value).trim();
            if (text) url.searchParams.append(name, text);
        }
        return url;
    };

    const showInForm = (url) => {
        for (const field of form.elements) {
            if (!field.name) continue;
            field.value = url.searchParams.get(field.name) ?? "";
            if (field instanceof HTMLSelectElement && field.selectedIndex === -1) {
                field.selectedIndex = 0;
            }
        }
    };

    const announce = (text) => {
        // Emptied first so that the same count is announced again after another change.
        status.textContent = "";
        window.setTimeout(() => {
            status.textContent = text;
        }, 150);
    };

    const load = async (url, { push = true, moveFocus = false } = {}) => {
        pending?.abort();
        const controller = new AbortController();
        pending = controller;
        const fragmentUrl = new URL(url);
        fragmentUrl.searchParams.set("partial", "1");
        results.setAttribute("aria-busy", "true");
        try {
            // A separate address for the fragment, so no cache ever confuses it with the page.
            const response = await fetch(fragmentUrl, { signal: controller.signal });
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            const fragment = document.createElement("template");
            fragment.innerHTML = await response.text();
            results.replaceChildren(fragment.content);
            if (push && url.href !== window.location.href) {
                window.history.pushState({ methodFilter: true }, "", url);
            }
            const count = results.querySelector("[data-method-count]");
            if (count) {
                announce(count.textContent.trim());
                if (moveFocus) count.focus();
            }
        } catch (error) {
            if (controller.signal.aborted) return;
            // Let the server answer as a whole page, e.g. with its "not found" page.
            window.location.assign(url);
        } finally {
            if (pending === controller) {
                pending = null;
                results.removeAttribute("aria-busy");
            }
        }
    };

    form.addEventListener("change", () => {
        if (form.checkValidity()) load(addressOfForm());
    });

    form.addEventListener("submit", (event) => {
        event.preventDefault();
        load(addressOfForm());
    });

    results.addEventListener("click", (event) => {
        const link = event.target.closest("a[data-method-link], .pagination a");
        const opensElsewhere =
            event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
        if (!link || event.defaultPrevented || opensElsewhere) return;
        event.preventDefault();
        const url = new URL(link.href);
        showInForm(url);
        load(url, { moveFocus: true });
    });

    window.addEventListener("popstate", (event) => {
        if (!event.state?.methodFilter) return;
        const url = new URL(window.location.href);
        showInForm(url);
        load(url, { push: false });
    });

    window.history.replaceState({ methodFilter: true }, "");
})();
