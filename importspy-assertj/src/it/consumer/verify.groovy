// The consumer's JUnit 5 tests ran through Surefire and all passed.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD SUCCESS')
def report = new File(basedir, 'target/surefire-reports/TEST-com.acme.GreeterContractTest.xml').text
assert report.contains('tests="3"') && report.contains('failures="0"')
