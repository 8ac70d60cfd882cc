//! The passcode lock in the app: whether it is on, unlocking, locking, and the conversions.
//!
//! With the lock on, the app starts with only the [`lock_screen`]: no store is loaded and no
//! record is decrypted or rendered, whatever the address, until the data key has been unwrapped.
//! Unlocking puts the key in the [`LockSlot`] that the [`SealedBackend`] under the store reads,
//! finishes any conversion cut short ([`convert::seal_all`]), and only then does the app load its
//! records. Locking saves everything first, then reloads the page: the simplest way to be sure
//! every key and every decrypted word leaves memory. Every open tab locks with it.
//!
//! The storage side (formats, sealing, crash-safe conversions) is `storage::crypto`.

pub mod change_passcode;
mod fields;
pub mod lock_now;
pub mod lock_screen;
pub mod problem;
pub mod settings_section;
pub mod web_crypto;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::app::clock::now_ms;
use crate::app::records::Records;
use crate::domain::date::UnixMs;
use crate::storage::backend::Backend;
use crate::storage::crypto::aead::DataKey;
use crate::storage::crypto::attempts::Attempts;
use crate::storage::crypto::auto_lock::AutoLock;
use crate::storage::crypto::convert;
use crate::storage::crypto::keyring::{self, Keyring, PasscodeKdf, UnwrapError};
use crate::storage::crypto::recovery_key::RecoveryKey;
use crate::storage::crypto::sealed_backend::{LockSlot, SealedBackend, SharedSlot};
use crate::storage::crypto::{random, ATTEMPTS, AUTO_LOCK, KEYRING, LOCKED_AT};
use crate::storage::local_storage::LocalStorageBackend;
pub use problem::LockProblem;

/// Where the lock stands in this tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockState {
    /// No passcode lock: records are stored as they are.
    Off,
    /// The lock is on and this tab has not been unlocked: only the lock screen shows.
    Locked,
    /// The lock is on and this tab holds the data key.
    Unlocked,
}

struct Inner {
    slot: SharedSlot,
    records: Option<Records>,
    hidden_at: Option<UnixMs>,
}

/// The lock's state and actions, shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct LockControl {
    state: RwSignal<LockState>,
    auto_lock: RwSignal<AutoLock>,
    inner: StoredValue<Inner, LocalStorage>,
}

/// Checks a new passcode and its repeat; the problem says what to change.
pub fn check_new_passcode(passcode: &str, repeat: &str) -> Result<(), LockProblem> {
    keyring::check_new_passcode(passcode, repeat).map_err(LockProblem::NewPasscode)
}

/// The backend as stored, for the lock's own keys and the conversions.
fn raw() -> LocalStorageBackend {
    LocalStorageBackend::open()
}

impl LockControl {
    /// Reads whether the lock is on and starts listening for other tabs and for the page being
    /// hidden. Call once, before anything else touches storage.
    pub fn start() -> Self {
        let on = raw().get(KEYRING).ok().flatten().is_some();
        let control = LockControl {
            state: RwSignal::new(if on {
                LockState::Locked
            } else {
                LockState::Off
            }),
            auto_lock: RwSignal::new(AutoLock::parse(
                raw().get(AUTO_LOCK).ok().flatten().as_deref(),
            )),
            inner: StoredValue::new_local(Inner {
                slot: LockSlot::shared(),
                records: None,
                hidden_at: None,
            }),
        };
        control.listen();
        control
    }

    /// Where the lock stands.
    pub fn state(&self) -> ReadSignal<LockState> {
        self.state.read_only()
    }

    /// Whether the app may show its pages (the lock is off, or unlocked).
    pub fn is_open(&self) -> bool {
        self.state.get() != LockState::Locked
    }

    /// The backend the records are loaded through: localStorage, sealing and opening with the
    /// key this control holds.
    pub fn backend(&self) -> Box<dyn Backend> {
        let slot = self.inner.with_value(|i| i.slot.clone());
        Box::new(SealedBackend::new(raw(), slot))
    }

    /// Tells the control which records to save before locking or converting.
    pub fn attach(&self, records: Records) {
        self.inner.update_value(|i| i.records = Some(records));
    }

    fn flush(&self) -> Result<(), LockProblem> {
        if let Some(records) = self.inner.with_value(|i| i.records) {
            // A full save, not `flush`: on a first visit the meta record waits for a change
            // that may never come, and it too must be stored before anything reloads.
            records.save_now();
            if records.has_unsaved_changes() {
                return Err(LockProblem::Unsaved);
            }
        }
        Ok(())
    }

    fn keyring() -> Result<Keyring, LockProblem> {
        let stored = raw().get(KEYRING)?.ok_or(LockProblem::NotOn)?;
        Keyring::decode(&stored).map_err(LockProblem::KeyringUnreadable)
    }

    /// Runs `seal` with the keyring and the data key while this tab is unlocked and they still
    /// belong together (an encrypted backup is sealed with them); `None` while the lock is off,
    /// locked, or was set up afresh in another tab.
    pub fn with_keys<R>(&self, seal: impl FnOnce(&Keyring, &DataKey) -> R) -> Option<R> {
        if self.state.get_untracked() != LockState::Unlocked {
            return None;
        }
        let keyring = Self::keyring().ok()?;
        self.inner.with_value(|i| {
            let slot = i.slot.borrow();
            let unlocked = slot.unlocked()?;
            (unlocked.keyring_id == keyring.id).then(|| seal(&keyring, &unlocked.key))
        })
    }

    /// How many seconds are left before another try is allowed (0 when a try may go ahead).
    pub fn seconds_to_wait(&self) -> u64 {
        let attempts = Attempts::decode(raw().get(ATTEMPTS).ok().flatten().as_deref());
        let left = attempts.next_try_at() - now_ms();
        if left > 0 {
            (left as u64).div_ceil(1000)
        } else {
            0
        }
    }

    fn wrong_try(&self) {
        let attempts = Attempts::decode(raw().get(ATTEMPTS).ok().flatten().as_deref());
        let _ = raw().set(ATTEMPTS, &attempts.failed(now_ms()).encode());
    }

    /// Puts the key in place, finishes any conversion cut short, and opens the app.
    fn opened(&self, keyring: &Keyring, key: DataKey) {
        let _ = raw().remove(ATTEMPTS);
        let _ = convert::seal_all(&mut raw(), &key);
        self.inner
            .with_value(|i| i.slot.borrow_mut().unlock(keyring.id.clone(), key));
        self.state.set(LockState::Unlocked);
    }

    /// Unlocks with the passcode. The problem's sentence is for the lock screen.
    pub async fn unlock(&self, passcode: String) -> Result<(), LockProblem> {
        let wait = self.seconds_to_wait();
        if wait > 0 {
            return Err(LockProblem::Wait(wait));
        }
        let keyring = Self::keyring()?;
        let wrapping = web_crypto::passcode_key(&passcode, keyring.passcode_kdf()).await?;
        match keyring.unlock_with_passcode(&wrapping) {
            Ok(key) => {
                let keyring = strengthened(keyring, &key, &passcode).await;
                self.opened(&keyring, key);
                Ok(())
            }
            Err(problem) => {
                self.wrong_try();
                Err(LockProblem::DoesNotOpen {
                    problem,
                    wait: self.seconds_to_wait(),
                })
            }
        }
    }

    /// Unlocks with the recovery key and sets a new passcode in the same step.
    pub async fn recover(
        &self,
        recovery_text: String,
        new_passcode: String,
    ) -> Result<(), LockProblem> {
        let recovery = RecoveryKey::parse(&recovery_text)?;
        let keyring = Self::keyring()?;
        let wrapping =
            web_crypto::recovery_wrapping_key(&recovery, keyring.recovery_salt()).await?;
        let key = keyring
            .unlock_with_recovery_key(&wrapping)
            .map_err(|problem| LockProblem::DoesNotOpen { problem, wait: 0 })?;
        let rewrapped = rewrap(&keyring, &key, &new_passcode).await?;
        self.opened(&rewrapped, key);
        Ok(())
    }

    /// Changes the passcode, once the current one has opened the keyring: the data key is
    /// rewrapped under the new one in one write (see [`convert`]); no record changes.
    pub async fn change_passcode(&self, current: String, new: String) -> Result<(), LockProblem> {
        let (keyring, key) =
            Self::open_with_passcode(&current, |_| LockProblem::NotCurrentPasscode).await?;
        rewrap(&keyring, &key, &new).await?;
        Ok(())
    }

    /// The keyring and the data key it holds, if `passcode` opens it; `wrong` words it when it
    /// doesn't. Wrong tries are not counted: the trainee has already unlocked.
    async fn open_with_passcode(
        passcode: &str,
        wrong: impl FnOnce(UnwrapError) -> LockProblem,
    ) -> Result<(Keyring, DataKey), LockProblem> {
        let keyring = Self::keyring()?;
        let wrapping = web_crypto::passcode_key(passcode, keyring.passcode_kdf()).await?;
        let key = keyring.unlock_with_passcode(&wrapping).map_err(wrong)?;
        Ok((keyring, key))
    }

    /// Turns the lock on with `passcode` and the recovery key the trainee has saved.
    pub async fn turn_on(
        &self,
        passcode: String,
        recovery: RecoveryKey,
    ) -> Result<(), LockProblem> {
        let key = DataKey::generate()?;
        let kdf = PasscodeKdf::fresh()?;
        let passcode_key = web_crypto::passcode_key(&passcode, &kdf).await?;
        let salt = random::bytes::<16>()?;
        let recovery_key = web_crypto::recovery_wrapping_key(&recovery, &salt).await?;
        let keyring = Keyring::new(&key, kdf, &passcode_key, salt, &recovery_key, now_ms())
            .map_err(LockProblem::Keyring)?;
        self.flush()?;
        // Failures after the keyring is stored leave records plain until the next unlock
        // finishes the job; the lock is on either way.
        convert::turn_on(&mut raw(), &keyring, &key)?;
        self.inner
            .with_value(|i| i.slot.borrow_mut().unlock(keyring.id.clone(), key));
        self.state.set(LockState::Unlocked);
        Ok(())
    }

    /// Turns the lock off after the passcode is given again; every record is stored plain.
    pub async fn turn_off(&self, passcode: String) -> Result<(), LockProblem> {
        let (_, key) = Self::open_with_passcode(&passcode, |problem| LockProblem::DoesNotOpen {
            problem,
            wait: 0,
        })
        .await?;
        self.flush()?;
        convert::turn_off(&mut raw(), &key)?;
        self.inner.with_value(|i| i.slot.borrow_mut().forget());
        self.state.set(LockState::Off);
        Ok(())
    }

    /// Locks now: saves everything, tells the other tabs, and reloads to the lock screen. Refuses
    /// (with a message) when something could not be saved, since reloading would lose it.
    pub fn lock_now(&self) -> Result<(), LockProblem> {
        if self.state.get_untracked() != LockState::Unlocked {
            return Ok(());
        }
        self.flush()?;
        let _ = raw().set(LOCKED_AT, &now_ms().to_string());
        reload();
        Ok(())
    }

    /// The auto-lock choice.
    pub fn auto_lock(&self) -> ReadSignal<AutoLock> {
        self.auto_lock.read_only()
    }

    /// Changes the auto-lock choice (remembered on this device).
    pub fn set_auto_lock(&self, choice: AutoLock) {
        let _ = raw().set(AUTO_LOCK, &choice.as_str());
        self.auto_lock.set(choice);
    }

    fn listen(&self) {
        let control = *self;
        let on_visibility = Closure::<dyn Fn()>::new(move || control.visibility_changed());
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
        on_visibility.forget();

        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                control.other_tab_changed(event.key(), event.new_value());
            });
        let _ = window()
            .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget();
    }

    fn visibility_changed(&self) {
        if self.state.get_untracked() != LockState::Unlocked {
            return;
        }
        let now = now_ms();
        let choice = self.auto_lock.get_untracked();
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            self.inner.update_value(|i| i.hidden_at = Some(now));
            match choice.delay_ms() {
                Some(0) => {
                    let _ = self.lock_now();
                }
                // Timers are slowed while hidden, so this may run late; coming back checks too.
                Some(delay) => {
                    let control = *self;
                    set_timeout(
                        move || {
                            let still_hidden =
                                control.inner.with_value(|i| i.hidden_at) == Some(now);
                            if still_hidden {
                                let _ = control.lock_now();
                            }
                        },
                        std::time::Duration::from_millis(delay as u64),
                    );
                }
                None => {}
            }
        } else {
            let hidden_at = self
                .inner
                .try_update_value(|i| i.hidden_at.take())
                .flatten();
            if hidden_at.is_some_and(|at| choice.is_due(at, now)) {
                let _ = self.lock_now();
            }
        }
    }

    fn other_tab_changed(&self, key: Option<String>, new_value: Option<String>) {
        let state = self.state.get_untracked();
        match key.as_deref() {
            Some(KEYRING) => match (state, new_value.as_deref().and_then(Keyring::id_of)) {
                // Turned off in another tab: stop sealing, show the lock as off.
                (LockState::Unlocked, None) => {
                    self.inner.with_value(|i| i.slot.borrow_mut().forget());
                    self.state.set(LockState::Off);
                }
                // Turned on in another tab: this tab has no key, so it locks.
                (LockState::Off, Some(_)) if self.flush().is_ok() => reload(),
                // Set up afresh elsewhere (a new key): lock, to unlock with the new one.
                (LockState::Unlocked, Some(id)) => {
                    let ours = self
                        .inner
                        .with_value(|i| i.slot.borrow().unlocked().map(|u| u.keyring_id.clone()));
                    if ours.as_deref() != Some(id.as_str()) {
                        let _ = self.lock_now();
                    }
                }
                // Unlocked or turned off elsewhere while this tab shows the lock screen.
                (LockState::Locked, None) => reload(),
                _ => {}
            },
            Some(LOCKED_AT) if state == LockState::Unlocked => {
                let _ = self.lock_now();
            }
            Some(AUTO_LOCK) => self.auto_lock.set(AutoLock::parse(new_value.as_deref())),
            _ => {}
        }
    }
}

/// The keyring rewrapped with today's iterations if it was made with fewer (the parameters are
/// stored so they can be raised): one more derivation, once. On any failure the old one stays.
async fn strengthened(keyring: Keyring, key: &DataKey, passcode: &str) -> Keyring {
    if !keyring.passcode_kdf().is_weaker_than_today() {
        return keyring;
    }
    rewrap(&keyring, key, passcode).await.unwrap_or(keyring)
}

/// Wraps the data key under `passcode` with fresh parameters and stores the keyring that holds
/// it (one write: before it the old passcode opens, after it the new one).
async fn rewrap(keyring: &Keyring, key: &DataKey, passcode: &str) -> Result<Keyring, LockProblem> {
    let kdf = PasscodeKdf::fresh()?;
    let wrapping = web_crypto::passcode_key(passcode, &kdf).await?;
    let rewrapped = keyring
        .with_new_passcode(key, kdf, &wrapping)
        .map_err(LockProblem::Keyring)?;
    convert::store_keyring(&mut raw(), &rewrapped)?;
    Ok(rewrapped)
}

fn reload() {
    let _ = window().location().reload();
}
