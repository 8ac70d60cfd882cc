//! New versions of Peer Study, from the app's side: whether one is ready, and saying yes to it.
//!
//! The service worker and everything about registering it are JavaScript (`sw/service-worker.js`
//! and `sw/register.js`, added to release builds by `scripts/post-build.mjs`), so the wasm carries
//! almost none of it. They talk through events on `window`:
//! - the app says `peer-study:app-ready` once it listens, so news from before that is not lost;
//! - `sw/register.js` says `peer-study:update-ready` when a new version waits;
//! - the app says `peer-study:update-accept` when the trainee accepts, after saving everything
//!   ([`Records::flush`]); the page then reloads once the new version has taken over.
//!
//! Nothing here ever reloads the page by itself. Debug builds (`make dev`) have no service worker:
//! they remove any left by a release build served on the same address.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::records::Records;

/// Where the app stands with respect to a newer version of itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateState {
    /// This is the newest version we know of.
    Current,
    /// A newer version has downloaded completely and waits for the trainee's go-ahead.
    Ready,
    /// The trainee said yes: everything is saved, and the new version is taking over.
    Applying,
}

/// The update state shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct AppUpdate {
    state: RwSignal<UpdateState>,
}

impl AppUpdate {
    /// Update state that hears from nothing: for browser tests and previews.
    pub fn inactive() -> Self {
        Self {
            state: RwSignal::new(UpdateState::Current),
        }
    }

    /// Listen for news of a new version, then say the app is listening.
    pub fn start() -> Self {
        let update = Self::inactive();
        let on_ready = Closure::<dyn Fn()>::new(move || update.offer());
        let _ = window()
            .add_event_listener_with_callback(UPDATE_READY, on_ready.as_ref().unchecked_ref());
        on_ready.forget();
        announce(APP_READY);
        #[cfg(debug_assertions)]
        remove_stale_service_workers();
        update
    }

    /// Whether a new version is ready, being applied, or not there.
    pub fn state(&self) -> ReadSignal<UpdateState> {
        self.state.read_only()
    }

    /// A new version is ready (called when `sw/register.js` says so, and by tests).
    pub fn offer(&self) {
        if self.state.get_untracked() == UpdateState::Current {
            self.state.set(UpdateState::Ready);
        }
    }

    /// The trainee accepted: save everything now, then hand over to the new version.
    pub fn accept(&self, records: Records) {
        if self.state.get_untracked() != UpdateState::Ready {
            return;
        }
        records.flush();
        self.state.set(UpdateState::Applying);
        announce(UPDATE_ACCEPT);
    }
}

const APP_READY: &str = "peer-study:app-ready";
const UPDATE_READY: &str = "peer-study:update-ready";
const UPDATE_ACCEPT: &str = "peer-study:update-accept";

fn announce(name: &str) {
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = window().dispatch_event(&event);
    }
}

/// Debug builds run without a service worker; unregister any a release build left here, so live
/// reload always shows the latest code. (A hard reload, Shift+Reload, gets past a stale one.)
#[cfg(debug_assertions)]
fn remove_stale_service_workers() {
    let unregister_all = Closure::<dyn FnMut(JsValue)>::new(|list: JsValue| {
        for registration in js_sys::Array::from(&list).iter() {
            let unregister = js_sys::Reflect::get(&registration, &"unregister".into());
            if let Ok(unregister) = unregister.and_then(|f| f.dyn_into::<js_sys::Function>()) {
                let _ = unregister.call0(&registration);
            }
        }
    });
    let navigator = window().navigator();
    let container = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok();
    let get_all = container.as_ref().and_then(|c| {
        js_sys::Reflect::get(c, &"getRegistrations".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    if let (Some(container), Some(get_all)) = (container, get_all) {
        if let Ok(promise) = get_all.call0(&container) {
            let _ = promise
                .unchecked_into::<js_sys::Promise>()
                .then(&unregister_all);
        }
    }
    unregister_all.forget();
}
