// Loaded into the test LRS by test-support/lrs-read.test.ts (`node --import`): its clock is the
// real one plus the milliseconds in the file LRS_CLOCK_FILE (read at every call, so a test can move it).
import { readFileSync } from 'node:fs';

const file = process.env.LRS_CLOCK_FILE;
const offset = () => (file ? Number(readFileSync(file, 'utf8')) || 0 : 0);
const RealDate = Date;
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset());
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset();
  }
}
globalThis.Date = ShiftedDate;
