// -Dimportspy.skip skips the check: the broken plugin's build passes, and no report is written.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] ImportSpy check skipped (importspy.skip)')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/importspy').exists()
