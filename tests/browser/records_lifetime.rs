//! A record outlives the component that first asked for it.

use leptos::prelude::*;
use peer_study::app::records::{use_record, Records};
use wasm_bindgen_test::wasm_bindgen_test;

use peer_study::storage::local_storage::LocalStorageBackend;

use crate::support::{fresh_container, reset_page, saved, NOTES};

/// Shows the [`NOTES`] record; stands in for a page that is left when the trainee navigates.
#[component]
fn FirstReader() -> impl IntoView {
    let notes = use_record(NOTES);
    view! { <p id="first-reader">{move || notes.get().len()}</p> }
}

#[wasm_bindgen_test]
async fn a_record_still_works_after_the_component_that_loaded_it_is_gone() {
    // Guards against a bug where a record's signal belonged to the page that first asked for it
    // (the home screen's flashcards count, say), so leaving that page disposed the signal and
    // the next page to use the record panicked.
    reset_page();
    let showing = RwSignal::new(true);
    let container = fresh_container();
    let (records_out, records_in) = std::sync::mpsc::channel::<Records>();
    leptos::mount::mount_to(container.clone(), move || {
        // Made inside the app's root, as App does.
        let (records, _) = Records::start(Box::new(LocalStorageBackend::open()));
        records_out.send(records).unwrap();
        provide_context(records);
        view! {
            <Show when=move || showing.get()>
                <FirstReader/>
            </Show>
        }
    })
    .forget();
    leptos::task::tick().await;
    assert!(container.query_selector("#first-reader").unwrap().is_some());

    showing.set(false);
    leptos::task::tick().await;
    assert!(container.query_selector("#first-reader").unwrap().is_none());

    // The next page asks for the same record, and changes it.
    let records = records_in.try_recv().expect("the app made its records");
    let notes = records.get(NOTES);
    notes.update(|n| n.push("still here".to_string()));
    leptos::task::tick().await;
    assert_eq!(saved(NOTES.key()).as_deref(), Some(r#"["still here"]"#));
}
