//! My data: what is stored on this device and how much room it takes, keeping it persistent,
//! backing everything up to one file and restoring from one, and data that was set aside.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::clock::{now_ms, when_in_words};
use crate::app::file_out::download_text;
use crate::app::notices::LastBackup;
use crate::app::page::{Card, Page};
use crate::app::records::Records;
use crate::domain::history::ThinningPolicy;
use crate::storage::quarantine::SetAsideKind;
use crate::storage::usage::format_size;

/// Text with its first letter made a capital.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

mod erase;
mod restore;
mod restore_unlock;
mod send;
mod storage_safety;

use restore::Restore;
use send::SendToDevice;
use storage_safety::KeepOnDevice;

/// The "My data" page.
#[component]
pub fn MyDataPage() -> impl IntoView {
    view! {
        <Page title="My data">
            <p class="lead">
                "Everything in Peer Study is kept in this browser, on this device. No account, no "
                "cloud, no tracking. A backup file is the way to move it or keep a spare copy."
            </p>
            <crate::app::notices::DeviceNotices/>
            <BackUp/>
            <SendToDevice/>
            <Restore/>
            <SpaceUsed/>
            <MakeRoom/>
            <KeepOnDevice/>
            <SetAside/>
            <erase::Erase/>
        </Page>
    }
}

/// How much of the browser's room for Peer Study is used, and by what.
#[component]
fn SpaceUsed() -> impl IntoView {
    let records = expect_context::<Records>();
    let status = records.status();
    // Recomputed whenever a save changes what is stored.
    let report = Memo::new(move |_| {
        status.track();
        records.usage()
    });
    view! {
        <Card heading_id="space-heading" title="Space used">
            {move || match report.get() {
                None => {
                    view! {
                        <p>
                            "This browser isn't letting Peer Study store anything, so there is "
                            "nothing to measure. Your work lasts only while this tab is open."
                        </p>
                    }
                        .into_any()
                }
                Some(report) => {
                    let percent = report.percent_used();
                    let summary = format!(
                        "{} of about {} ({:.0}%)",
                        format_size(report.total_units),
                        format_size(report.quota_units),
                        percent
                    );
                    let rows = report
                        .groups
                        .iter()
                        .filter(|g| g.keys > 0)
                        .map(|g| {
                            view! {
                                <tr>
                                    <th scope="row">{g.group.label()}</th>
                                    <td>{format_size(g.units)}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <p id="space-summary">{summary.clone()}</p>
                        <progress
                            max="100"
                            value=format!("{percent:.1}")
                            aria-labelledby="space-heading"
                            aria-describedby="space-summary"
                        ></progress>
                        <table class="usage-table">
                            <caption class="visually-hidden">"Space used by each kind of data"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"What"</th>
                                    <th scope="col">"Size"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                        .into_any()
                }
            }}
            <p class="status">
                {move || {
                    status
                        .with(|s| s.last_saved_at)
                        .map(|at| format!("Last saved on {}.", when_in_words(at)))
                }}
            </p>
        </Card>
    }
}

/// How small each draft's history is squeezed to when the trainee asks to make room: recent
/// versions and every named one stay; older automatic ones go first.
const MAKE_ROOM_BUDGET_BYTES: usize = 200_000;

/// Make room by thinning every draft's version history harder. Named versions are never removed.
#[component]
fn MakeRoom() -> impl IntoView {
    let records = expect_context::<Records>();
    let (message, set_message) = signal(String::new());
    let make_room = move |_| {
        let now = now_ms();
        let policy = ThinningPolicy {
            budget_bytes: MAKE_ROOM_BUDGET_BYTES,
        };
        let mut removed = 0;
        for name in records.histories() {
            let history = records.get(name);
            history.update(|h| removed += h.thin(now, &policy).removed);
        }
        records.save_now();
        set_message.set(if removed == 0 {
            "There were no older automatic versions to clear. Your named versions are always kept."
                .to_string()
        } else {
            format!(
                "Cleared {removed} older automatic version{} of your drafts. Recent and named \
                 versions are kept.",
                if removed == 1 { "" } else { "s" }
            )
        });
    };
    view! {
        <Card heading_id="room-heading" title="Make room">
            <p>
                "Saved versions of your drafts take the most space. Clearing older automatic "
                "versions frees room; the versions you named and the recent ones stay."
            </p>
            <button type="button" on:click=make_room>"Clear older draft versions"</button>
            <p class="status" role="status">{message}</p>
        </Card>
    }
}

/// Back up everything to one file.
#[component]
fn BackUp() -> impl IntoView {
    let records = expect_context::<Records>();
    let (message, set_message) = signal(String::new());
    let lock = use_context::<crate::app::lock::LockControl>();
    let back_up = move |_| set_message.set(crate::app::backup_file::download_backup(records, lock));
    view! {
        <Card heading_id="backup-heading" title="Back up">
            <p>
                "One file with everything: your course, checklists, journal, drafts and their "
                "versions, and your settings. It stays on your device unless you move it."
            </p>
            <LastBackup/>
            <button type="button" class="primary" on:click=back_up>
                "Download a backup"
            </button>
            <p class="status" role="status">{message}</p>
        </Card>
    }
}

/// Data that could not be read (or lost a merge), kept aside until the trainee decides.
#[component]
fn SetAside() -> impl IntoView {
    let records = expect_context::<Records>();
    let status = records.status();
    let entries = Memo::new(move |_| {
        status.track();
        records.set_aside()
    });
    let (confirming, set_confirming) = signal(None::<String>);
    let (message, set_message) = signal(String::new());

    view! {
        <Card heading_id="set-aside-heading" title="Set aside">
            {move || {
                let list = entries.get();
                if list.is_empty() {
                    return view! { <p>"Nothing is set aside. All your saved data could be read."</p> }
                        .into_any();
                }
                let items = list
                    .into_iter()
                    .map(|entry| {
                        let key_download = entry.key.clone();
                        let key_discard = entry.key.clone();
                        let key_confirm = entry.key.clone();
                        let key_check = entry.key.clone();
                        let key_keep = entry.key.clone();
                        let name = entry.download_name.clone();
                        // New work waiting for a choice isn't the trainee's to discard here: it
                        // goes into place once they decide about the unreadable copy.
                        let waiting = entry.kind == SetAsideKind::Waiting;
                        let unreadable = entry.kind == SetAsideKind::Unreadable;
                        let what = capitalised(&entry.what);
                        view! {
                            <li class="set-aside-item">
                                <p>
                                    <strong>{what}</strong>
                                    {format!(" · set aside on {}", when_in_words(entry.at))}
                                </p>
                                <p>{entry.reason.clone()}</p>
                                <div class="actions">
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            if let Some(raw) = records.set_aside_raw(&key_download) {
                                                let _ = download_text(&name, "text/plain", &raw);
                                            }
                                        }
                                    >
                                        "Download it"
                                    </button>
                                    {unreadable.then(|| view! {
                                        <button
                                            type="button"
                                            on:click=move |_| {
                                                match records.keep_set_aside_and_carry_on(&key_keep) {
                                                    Ok(()) => set_message.set(
                                                        "Kept, and Peer Study carries on saving your work as usual."
                                                            .into(),
                                                    ),
                                                    Err(e) => set_message.set(e.sentence()),
                                                }
                                            }
                                        >
                                            "Keep it and carry on"
                                        </button>
                                    })}
                                    {(!waiting).then_some(move || {
                                        let key_discard = key_discard.clone();
                                        let key_confirm = key_confirm.clone();
                                        if confirming.get().as_deref() == Some(key_check.as_str()) {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="danger"
                                                    on:click=move |_| {
                                                        match records.discard_set_aside(&key_discard) {
                                                            Ok(()) => set_message.set("Discarded.".into()),
                                                            Err(e) => set_message.set(e.sentence()),
                                                        }
                                                        set_confirming.set(None);
                                                    }
                                                >
                                                    "Yes, discard it for good"
                                                </button>
                                            }
                                                .into_any()
                                        } else {
                                            view! {
                                                <button
                                                    type="button"
                                                    on:click=move |_| set_confirming.set(Some(key_confirm.clone()))
                                                >
                                                    "Discard…"
                                                </button>
                                            }
                                                .into_any()
                                        }
                                    })}
                                </div>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <p>
                        "These couldn't be read, lost out when two versions met, or are new work "
                        "waiting for your choice about a copy that couldn't be read. They are "
                        "kept exactly as they were. Download them to look inside, and discard "
                        "them when you're sure you don't need them."
                    </p>
                    <ul class="set-aside-list">{items}</ul>
                }
                    .into_any()
            }}
            <p class="status" role="status">{message}</p>
        </Card>
    }
}

/// The element an event happened on, as the type we know it is.
fn event_target<T: JsCast>(event: &leptos::ev::Event) -> T {
    event
        .target()
        .expect("an event from an element")
        .unchecked_into()
}
