//! Base64 for the bytes the lock stores as text (salts, nonces, wrapped keys, ciphertext).
//!
//! Standard alphabet with padding, from the `base64` crate; one place so every stored field is
//! written and read the same way.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// Bytes as Base64 text.
pub fn encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Base64 text back to bytes; `None` if it is not valid Base64.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    STANDARD.decode(text).ok()
}

/// Base64 text back to exactly `N` bytes; `None` if it is not valid or not that long.
pub fn decode_array<const N: usize>(text: &str) -> Option<[u8; N]> {
    decode(text)?.try_into().ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trips_and_refuses_the_wrong_length() {
        let text = super::encode(&[1, 2, 3]);
        assert_eq!(super::decode(&text), Some(vec![1, 2, 3]));
        assert_eq!(super::decode_array::<3>(&text), Some([1, 2, 3]));
        assert_eq!(super::decode_array::<4>(&text), None);
        assert_eq!(super::decode("not base64!"), None);
    }
}
