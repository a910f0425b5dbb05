// The compliant plugin's build passes, writes every report asked for, and inspect writes a starting contract.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] ImportSpy contract: META-INF/importspy/greeter.yml of com.acme:greeter-api:1.0')
assert log.contains('greeter-compliant-1.0.jar (com.acme:greeter-compliant 1.0): COMPLIANT')
assert log.contains('BUILD SUCCESS')

def reports = new File(basedir, 'target/importspy')
def text = new File(reports, 'importspy.txt').text
assert text.contains('COMPLIANT')

def json = new JsonSlurper().parse(new File(reports, 'importspy.json'))
assert json.compliant == true
assert json.targets.size() == 1
assert json.targets[0].target.endsWith('greeter-compliant-1.0.jar')
assert json.targets[0].violations == []

def sarif = new JsonSlurper().parse(new File(reports, 'importspy.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].tool.driver.name == 'ImportSpy'
assert sarif.runs[0].results == []

def junit = new XmlSlurper().parse(new File(reports, 'TEST-importspy.xml'))
assert junit.name() == 'testsuites' || junit.name() == 'testsuite'
assert junit.'**'.findAll { it.name() == 'failure' }.size() == 0

def contract = new File(basedir, 'target/importspy/spymodel.yml').text
assert contract.startsWith('importspy: 1') || contract.contains('\nimportspy: 1')
assert contract.contains('com.acme.greeter.PoliteGreeter')
assert log.contains('[INFO] ImportSpy: wrote a contract that greeter-compliant-1.0.jar satisfies to')
