/**
 * While following the stream only the newest rows are in the page: the list shows about 17, and laying out
 * and painting a whole buffer (1,000 rows and more) on every frame took most of a busy tab's time (the live
 * bench at 1,000 msg/s: 200 rows kept the tab 650-710 ms a second busy, 60 rows 490-510 ms). The whole
 * buffer is drawn once the reader holds the list (scrolls down or opens a row).
 */
export const FOLLOWING_ROWS = 60;
