//! Lasting, calm banners about storage: read-only or memory-only mode, a full store, data that
//! was set aside, and changes made in two tabs at once.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::records::Records;
use crate::storage::keys;
use crate::storage::store::Keep;

/// What a record is called in a sentence ("your journal").
fn record_label(key: &str) -> String {
    let name = keys::short_name(key);
    match name {
        "settings" => "your display settings".into(),
        "course" => "your course and checklists".into(),
        "schedule" => "your session dates".into(),
        "attendance" => "your attendance".into(),
        "journal" => "your reflection journal".into(),
        "placement" => "your placement log".into(),
        "assignments" => "your list of assignments".into(),
        "glossary-own" => "your glossary entries".into(),
        "flashcards" => "your flashcards".into(),
        "profile" => "your profile".into(),
        other if other.starts_with("draft/") => "one of your drafts".into(),
        other if other.starts_with("history/") => "a draft's saved versions".into(),
        other => format!("\"{other}\""),
    }
}

/// The storage banners, shown above every page while they apply.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let records = expect_context::<Records>();
    let status = records.status();

    view! {
        <div class="banners">
            {move || {
                status
                    .with(|s| s.mode_banner.clone())
                    .map(|text| {
                        view! {
                            <div class="banner banner-warning" role="status">
                                <p>{text}</p>
                                <p><A href="/my-data">"Go to My data"</A></p>
                            </div>
                        }
                    })
            }}
            {move || {
                status
                    .with(|s| s.store_full)
                    .map(|text| {
                        view! {
                            <div class="banner banner-warning" role="status">
                                <p>{text}</p>
                                <p><A href="/my-data">"Back up or make room in My data"</A></p>
                            </div>
                        }
                    })
            }}
            {move || {
                let count = status.with(|s| s.set_aside);
                (count > 0)
                    .then(|| {
                        let text = if count == 1 {
                            "Some saved data couldn't be read, so we've kept it safe and set it \
                             aside rather than lose it. Everything else is here as usual."
                                .to_string()
                        } else {
                            format!(
                                "{count} pieces of saved data couldn't be read, so we've kept them \
                                 safe and set them aside rather than lose them. Everything else \
                                 is here as usual."
                            )
                        };
                        view! {
                            <div class="banner" role="status">
                                <p>{text}</p>
                                <p><A href="/my-data">"See what was set aside"</A></p>
                            </div>
                        }
                    })
            }}
            <For
                each=move || status.with(|s| s.conflicts.clone())
                key=|key| key.clone()
                let:key
            >
                <ConflictBanner key=key/>
            </For>
        </div>
    }
}

/// One record changed here and in another tab: ask which to keep; the other is set aside.
#[component]
fn ConflictBanner(
    /// The record's storage key.
    key: String,
) -> impl IntoView {
    let records = expect_context::<Records>();
    let label = record_label(&key);
    let mine = key.clone();
    let theirs = key;
    view! {
        <div class="banner banner-warning" role="status">
            <p>
                {format!(
                    "You changed {label} here and in another tab or window. Both versions are \
                     safe. Which one would you like to carry on with? The other is kept in My \
                     data, so nothing is lost."
                )}
            </p>
            <div class="actions">
                <button type="button" on:click=move |_| records.resolve_conflict(&mine, Keep::Mine)>
                    "Keep this tab's version"
                </button>
                <button type="button" on:click=move |_| records.resolve_conflict(&theirs, Keep::Theirs)>
                    "Use the other tab's version"
                </button>
            </div>
        </div>
    }
}
