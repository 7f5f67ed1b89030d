//! A file of the finished site, as the render and image stages make it and the write stage
//! writes it.

/// A file of the finished site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, with `/` separators (see [`crate::paths`]).
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        let mut bytes = bytes.into();
        // A rendered page grew by doubling; thousands of them wait in memory for the write.
        bytes.shrink_to_fit();
        OutputFile {
            path: path.into(),
            bytes,
        }
    }
}
