package sitedata

// SetFileSize sets the size at which w closes a file of records (tests:
// several files from a small kommune).
func (w *Writer) SetFileSize(n int) { w.fileSize = n }
