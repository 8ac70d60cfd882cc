//! "Erase everything on this device", the last card of My data.
//!
//! It asks first, saying what goes, and offers a backup download before anything is removed.
//! Confirmed, it saves anything still waiting (so nothing is written back after), removes every
//! key of Peer Study's from the browser's storage (records, set-aside copies, settings, and the
//! passcode lock's keyring: see `storage::erase`) and nothing else (the service worker and other
//! sites' data stay), then reloads at home, where the app starts as on a first visit.

use leptos::html::{Button, H3};
use leptos::prelude::*;

use crate::app::backup_file::download_backup;
use crate::app::page::Card;
use crate::app::records::Records;
use crate::storage::erase::erase_everything;
use crate::storage::local_storage::LocalStorageBackend;

/// The erase card: a button, then a confirmation that says what goes and offers a backup first.
#[component]
pub fn Erase() -> impl IntoView {
    let records = expect_context::<Records>();
    let confirming = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let backup_status = RwSignal::new(String::new());
    let start_button = NodeRef::<Button>::new();
    let confirm_heading = NodeRef::<H3>::new();

    let ask = move |_| {
        status.set(String::new());
        backup_status.set(String::new());
        confirming.set(true);
        // Focus follows the step once it is drawn, so a screen reader hears the question.
        request_animation_frame(move || {
            if let Some(heading) = confirm_heading.get_untracked() {
                let _ = heading.focus();
            }
        });
    };
    let cancel = move |_| {
        confirming.set(false);
        status.set("Nothing was erased. Everything is still here.".to_string());
        request_animation_frame(move || {
            if let Some(button) = start_button.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    // The same file as My data's backup: encrypted while the lock is on.
    let lock = use_context::<crate::app::lock::LockControl>();
    let back_up_first = move |_| backup_status.set(download_backup(records, lock));
    let erase = move |_| {
        // Anything waiting is written now, so no save is left to put a record back afterwards.
        records.flush();
        let mut backend = LocalStorageBackend::open();
        match erase_everything(&mut backend) {
            Ok(_) => {
                // A fresh start, as on a first visit: nothing of the old session stays in memory.
                let _ = window().location().replace("/");
            }
            Err(error) => {
                status.set(format!(
                    "Not everything could be erased: {error}. Please try again, or clear this \
                     site's data in your browser's settings."
                ));
                confirming.set(false);
            }
        }
    };

    view! {
        <Card heading_id="erase-heading" title="Erase everything on this device" class="erase">
            <p>
                "If you are giving this device away or starting again, you can remove everything "
                "Peer Study keeps in this browser. Backup files you have downloaded are not "
                "touched."
            </p>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button type="button" class="danger" node_ref=start_button on:click=ask>
                            "Erase everything…"
                        </button>
                    }
                }
            >
                <div class="erase-confirm" role="group" aria-labelledby="erase-confirm-heading">
                    <h3 id="erase-confirm-heading" tabindex="-1" node_ref=confirm_heading>
                        "Erase everything on this device?"
                    </h3>
                    <p>"This removes, from this browser:"</p>
                    <ul>
                        <li>"your course dates, prep checklists, attendance and placement log"</li>
                        <li>"your journal"</li>
                        <li>"every draft, with all its versions"</li>
                        <li>"your own glossary entries, favourites and flashcard progress"</li>
                        <li>"your settings, and the passcode lock with its keys"</li>
                        <li>"anything set aside that could not be read"</li>
                    </ul>
                    <p>
                        <strong>"It can't be undone."</strong>
                        " A backup file is the only way to bring it back."
                    </p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=back_up_first>
                            "Download a backup first"
                        </button>
                    </div>
                    <p class="status" role="status">{move || backup_status.get()}</p>
                    <div class="actions">
                        <button type="button" class="danger" on:click=erase>
                            "Yes, erase everything"
                        </button>
                        <button type="button" on:click=cancel>"Cancel, keep everything"</button>
                    </div>
                </div>
            </Show>
            <p class="status" role="status">{move || status.get()}</p>
        </Card>
    }
}
