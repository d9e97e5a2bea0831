// Answers the Blazor script's reconnect events: open or close the dialog, retry on demand, reload when the
// server no longer knows this page's circuit.
const modal = document.getElementById("components-reconnect-modal");
modal.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

function onStateChanged(event) {
    switch (event.detail.state) {
        case "show":
            modal.showModal();
            break;
        case "hide":
            modal.close();
            break;
        case "failed":
            // A tab in the background retries when the shopper comes back to it.
            document.addEventListener("visibilitychange", retryWhenVisible);
            break;
        case "rejected":
            location.reload();
            break;
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: reconnected; false: the server answered but has forgotten the circuit; a throw: unreachable.
        if (!(await Blazor.reconnect())) {
            if (await Blazor.resumeCircuit()) {
                modal.close();
            } else {
                location.reload();
            }
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!(await Blazor.resumeCircuit())) {
            location.reload();
        }
    } catch {
        modal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
