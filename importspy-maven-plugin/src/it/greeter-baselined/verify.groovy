// A broken plugin whose violations a baseline lists: the build passes, the log and the reports say what was
// suppressed and why, and the stale entry is a warning.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[INFO]   - suppressed  mismatch: class com.acme.greeter.PoliteGreeter lacks modifier public  '
        + '(greeter-api-1.0.jar!/META-INF/importspy/greeter.yml:9:16)')
assert log.contains('justification: made public in 1.1 (GREET-7)')
assert log.contains('! stale  missing method com.acme.greeter.PoliteGreeter#wave of com.acme:greeter-baselined '
        + 'matches no violation')
assert log.contains('1 target, 1 compliant, 0 violations, 0 unverified, 2 suppressed, 1 stale')
assert log.contains('[WARNING] ImportSpy: 1 baseline entry matches no violation (stale); remove it from '
        + 'importspy-baseline.yml (with strict, stale entries fail the build)')

def json = new JsonSlurper().parse(new File(basedir, 'target/importspy/importspy.json'))
assert json.compliant == true
assert json.targets[0].violations == []
assert json.targets[0].suppressed*.justification == ['made public in 1.1 (GREET-7)',
                                                      'the no-arg constructor comes with 1.1 (GREET-8)']
assert json.baseline.stale*.subject == ['com.acme.greeter.PoliteGreeter#wave']

def sarif = new JsonSlurper().parse(new File(basedir, 'target/importspy/importspy.sarif'))
def results = sarif.runs[0].results
assert results*.ruleId == ['importspy/mismatch-class', 'importspy/mismatch-constructor', 'importspy/stale-baseline']
assert results[0].suppressions[0].kind == 'external'
assert results[0].suppressions[0].justification == 'made public in 1.1 (GREET-7)'
assert results[2].level == 'warning'
