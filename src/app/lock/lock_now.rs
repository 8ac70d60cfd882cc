//! The "Lock now" button in the header, there on every screen while the lock is on.

use leptos::prelude::*;

use super::LockControl;

/// "Lock now": saves everything and locks every open tab. The shell shows it only while the lock is
/// on (and fetches it then, with the lock screen's piece), so it has no condition of its own.
#[component]
pub fn LockNowButton() -> impl IntoView {
    let lock = use_context::<LockControl>();
    let message = RwSignal::new(String::new());
    view! {
        <button
            type="button"
            class="lock-now"
            on:click=move |_| {
                if let Some(lock) = lock {
                    if let Err(e) = lock.lock_now() {
                        message.set(e.to_string());
                    }
                }
            }
        >
            "Lock now"
        </button>
        <p class="status lock-now-status" role="status">{move || message.get()}</p>
    }
}
