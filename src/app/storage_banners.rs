//! Lasting, calm banners about storage: read-only or memory-only mode, a full store, data that
//! was set aside, and changes made in two tabs at once.
//!
//! Their place is above every page ([`StorageBannerSlot`]); the banners themselves
//! ([`StorageBanners`]) are a piece of their own, fetched only when one applies (see
//! lazy_area.rs): most starts never need them.

use leptos::prelude::*;

use crate::app::lazy_area::{storage_banners, LazyPart};
use crate::app::records::Records;
use crate::storage::record_types::describe;
use crate::storage::store::Keep;

/// Names in a sentence: "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The place above every page where the storage banners show while any applies. Should their
/// piece not be fetchable just then, a card says so, with "Try again".
#[component]
pub fn StorageBannerSlot() -> impl IntoView {
    let status = expect_context::<Records>().status();
    let any = Memo::new(move |_| {
        status.with(|s| {
            s.mode_banner.is_some()
                || s.store_full.is_some()
                || !s.unreadable.is_empty()
                || s.notice.is_some()
                || !s.conflicts.is_empty()
        })
    });
    view! {
        <div class="banners">
            <Show when=move || any.get()>
                <LazyPart load=storage_banners/>
            </Show>
        </div>
    }
}

/// The storage banners that apply just now (in [`StorageBannerSlot`]).
#[component]
pub fn StorageBanners() -> impl IntoView {
    let records = expect_context::<Records>();
    let status = records.status();

    view! {
        {move || {
            status
                .with(|s| s.mode_banner.clone())
                .map(|text| warning_banner(text, "Go to My data"))
        }}
        {move || {
            status
                .with(|s| s.store_full)
                .map(|text| warning_banner(text.to_owned(), "Back up or make room in My data"))
        }}
        {move || {
            // Only records that couldn't be read: a readable copy kept aside after a merge or
            // a choice between tabs is no cause for worry.
            let unreadable = status.with(|s| s.unreadable.clone());
            (!unreadable.is_empty())
                .then(|| {
                    let names: Vec<String> = unreadable.iter().map(|k| describe(k)).collect();
                    let text = format!(
                        "Some saved data couldn't be read: {}. We've kept it safe and set it \
                         aside rather than lose it. Anything new you write there is kept \
                         safe too, and goes into place once you decide about the set-aside \
                         copy on My data. Everything else is here as usual.",
                        and_list(&names)
                    );
                    view! {
                        <div class="banner" role="status">
                            <p>{text}</p>
                            <p><a href="/my-data">"See what was set aside"</a></p>
                        </div>
                    }
                })
        }}
        {move || {
            status
                .with(|s| s.notice.clone())
                .map(|text| {
                    view! {
                        <div class="banner" role="status">
                            <p>{text}</p>
                            <div class="button-row">
                                <button type="button" on:click=move |_| records.dismiss_notice()>
                                    "OK"
                                </button>
                            </div>
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
    }
}

/// A lasting warning about storage as a whole, with the way to My data, where it can be put right.
fn warning_banner(text: String, link: &'static str) -> impl IntoView {
    view! {
        <div class="banner banner-warning" role="status">
            <p>{text}</p>
            <p><a href="/my-data">{link}</a></p>
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
    let label = describe(&key);
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
