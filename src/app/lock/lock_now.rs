//! The "Lock now" button in the header, there on every screen while the lock is on.

use leptos::prelude::*;

use super::{LockControl, LockState};

/// "Lock now": saves everything and locks every open tab. Shows nothing while the lock is off.
#[component]
pub fn LockNowButton() -> impl IntoView {
    let lock = use_context::<LockControl>();
    let message = RwSignal::new(String::new());
    let on = move || lock.is_some_and(|l| l.state().get() == LockState::Unlocked);
    view! {
        <Show when=on>
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
        </Show>
    }
}
