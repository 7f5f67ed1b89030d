//! What a photo may cost to decode, decided from its header before any pixel is decoded,
//! and whether its file is whole (not cut off while copying or downloading).
//!
//! In: the size and decoded byte count read from a header, or the bytes of a JPEG, PNG or
//! WebP file. Out: nothing, or the problem in plain words. A photo file of a few hundred
//! kilobytes can claim 65500×65500 pixels, which would take gigabytes to decode; the load
//! stage refuses it here, so `check` and `build` agree, and [`decoder_limits`] holds the
//! decoder to the same bounds in case a header lies.

use super::Size;

/// The longest side a photo may have. A 100-megapixel camera photo is about 12000 pixels
/// wide; long screenshots of documents reach 18000.
pub const MAX_SIDE: u32 = 20_000;
/// The most pixels a photo may have.
pub const MAX_PIXELS: u64 = 100_000_000;
/// The most memory decoding one photo may take (100 megapixels with transparency is 400 MB).
pub const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// The decoder's limits: the same bounds, enforced while decoding.
pub fn decoder_limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

/// Refuses a photo whose header promises more than Papan decodes.
pub fn check(size: Size, decoded_bytes: u64) -> Result<(), String> {
    let Size { width, height } = size;
    let pixels = u64::from(width) * u64::from(height);
    if width > MAX_SIDE || height > MAX_SIDE || pixels > MAX_PIXELS {
        return Err(format!(
            "berukuran {width}×{height} piksel ({} megapiksel); batasnya {MAX_SIDE} piksel per sisi dan {} megapiksel",
            pixels.div_ceil(1_000_000),
            MAX_PIXELS / 1_000_000
        ));
    }
    if decoded_bytes > MAX_DECODE_BYTES {
        return Err(format!(
            "memerlukan {} MB memori untuk dibuka (warnanya lebih dari 8 bit per saluran); batasnya {} MB",
            decoded_bytes.div_ceil(1024 * 1024),
            MAX_DECODE_BYTES / (1024 * 1024)
        ));
    }
    Ok(())
}

/// Whether the file holds its whole image: a JPEG up to its end marker, a PNG up to its
/// IEND chunk, a WebP as long as its RIFF header says. Decoders fill a cut-off JPEG with
/// grey without an error, so this walks the file's structure instead (no pixel decoded).
/// Anything else is left to the decoder.
pub fn whole(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg_whole(bytes)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_whole(bytes)
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        let size = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
        u64::from(size) + 8 <= u64::try_from(bytes.len()).unwrap_or(u64::MAX)
    } else {
        true
    }
}

/// Walks JPEG segments and entropy-coded scans until the end-of-image marker.
fn jpeg_whole(bytes: &[u8]) -> bool {
    let mut at = 2;
    loop {
        // Markers may be preceded by any number of 0xFF fill bytes.
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let Some(&marker) = bytes.get(at) else {
            return false;
        };
        at += 1;
        match marker {
            0xD9 => return true,
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let Some(len) = bytes.get(at..at + 2) else {
            return false;
        };
        at += usize::from(u16::from_be_bytes([len[0], len[1]]));
        if at > bytes.len() {
            return false;
        }
        if marker == 0xDA {
            match scan_end(bytes, at) {
                Some(next) => at = next,
                None => return false,
            }
        }
    }
}

/// The position of the 0xFF that starts the next marker after a scan's coded data: inside
/// it, 0xFF is followed by 0 (a stuffed byte) or a restart marker.
fn scan_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        at += memchr::memchr(0xFF, bytes.get(at..)?)?;
        match bytes.get(at + 1)? {
            0x00 | 0xD0..=0xD7 | 0xFF => at += 1,
            _ => return Some(at),
        }
    }
}

/// Walks PNG chunks (length, type, data, CRC) until IEND.
fn png_whole(bytes: &[u8]) -> bool {
    let mut at: usize = 8;
    while let Some(head) = bytes.get(at..at + 8) {
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]);
        if &head[4..8] == b"IEND" {
            // Its 4-byte CRC must be there too.
            return bytes.len() >= at + 12;
        }
        at = match usize::try_from(len)
            .ok()
            .and_then(|l| at.checked_add(12 + l))
        {
            Some(next) => next,
            None => return false,
        };
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{DynamicImage, RgbImage};
    use std::io::Cursor;

    fn encoded(format: image::ImageFormat) -> Vec<u8> {
        // Varied pixels, so the coded data is long enough to cut in the middle.
        let img = RgbImage::from_fn(64, 48, |x, y| {
            image::Rgb([(x * 4) as u8, (y * 5) as u8, ((x * y) % 251) as u8])
        });
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(img)
            .write_to(&mut out, format)
            .unwrap();
        out.into_inner()
    }

    #[test]
    fn whole_files_pass_and_cut_files_do_not() {
        for format in [
            image::ImageFormat::Jpeg,
            image::ImageFormat::Png,
            image::ImageFormat::WebP,
        ] {
            let bytes = encoded(format);
            assert!(whole(&bytes), "{format:?}");
            // Padding after the end (decoders stop there) is fine.
            let mut padded = bytes.clone();
            padded.extend([0; 100]);
            assert!(whole(&padded), "{format:?} padded");
            for cut in [bytes.len() / 2, bytes.len() - 1] {
                assert!(!whole(&bytes[..cut]), "{format:?} cut at {cut}");
            }
        }
        assert!(whole(b"bukan foto"));
    }

    #[test]
    fn sizes_past_the_limits_are_refused() {
        let size = |width, height| Size { width, height };
        assert_eq!(check(size(4000, 3000), 36_000_000), Ok(()));
        assert_eq!(check(size(1080, 18000), 58_320_000), Ok(()));
        // 60000 × 60000 = 3600 megapixels.
        assert_eq!(
            check(size(60000, 60000), 10_800_000_000),
            Err("berukuran 60000×60000 piksel (3600 megapiksel); batasnya 20000 piksel per sisi dan 100 megapiksel".to_owned())
        );
        // 12000 × 9000 = 108 megapixels: each side fits, the total does not.
        assert!(check(size(12000, 9000), 324_000_000).is_err());
        // 10000 × 9000 RGBA, 16 bits: 90 000 000 × 8 = 720 000 000 bytes = 686.6 MiB → 687.
        assert_eq!(
            check(size(10000, 9000), 720_000_000),
            Err("memerlukan 687 MB memori untuk dibuka (warnanya lebih dari 8 bit per saluran); batasnya 512 MB".to_owned())
        );
    }
}
