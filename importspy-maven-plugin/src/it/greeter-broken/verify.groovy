// The broken plugin's build fails with the text report in the log, and the reports asked for are written.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def jar = new File(basedir, 'target/greeter-broken-1.0.jar').path
def expected = """\
[ERROR] ${jar} (com.acme:greeter-broken 1.0): NOT COMPLIANT
[ERROR]   x mismatch  class com.acme.greeter.PoliteGreeter lacks modifier public  (greeter-api-1.0.jar!/META-INF/importspy/greeter.yml:9:16)
[ERROR]       expected: public  found: <none>
[ERROR]       fix: declare class com.acme.greeter.PoliteGreeter public, or remove public from its modifiers in the contract
[ERROR]   x mismatch  class com.acme.greeter.PoliteGreeter lacks constructor PoliteGreeter(); it has only PoliteGreeter(java.lang.String)  (greeter-api-1.0.jar!/META-INF/importspy/greeter.yml:12:9)
[ERROR]       expected: constructor PoliteGreeter()  found: PoliteGreeter(java.lang.String)
[ERROR]       fix: add constructor PoliteGreeter() to com.acme.greeter.PoliteGreeter, or change the parameters in the contract to those of PoliteGreeter(java.lang.String)
[ERROR] 
[ERROR] 1 target, 0 compliant, 2 violations, 0 unverified
"""
assert log.contains(expected)
assert log.contains('[ERROR] Failed to execute goal io.importspy:importspy-maven-plugin:')
assert log.contains('check (default) on project greeter-broken: ImportSpy: 1 target, 0 compliant, 2 violations, '
        + '0 unverified against greeter-api-1.0.jar!/META-INF/importspy/greeter.yml; the report is above and in ')

def json = new JsonSlurper().parse(new File(basedir, 'target/importspy/importspy.json'))
assert json.compliant == false
assert json.targets[0].violations*.context as Set == ['class', 'constructor'] as Set
assert new File(basedir, 'target/importspy/importspy.txt').text.contains('NOT COMPLIANT')
assert !new File(basedir, 'target/importspy/importspy.sarif').exists()
