// A parallel build checks each module once, with no warning that a goal is not thread-safe; the pom parent is passed over.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('not marked as @threadSafe')
assert !log.contains('not thread-safe')
assert log.contains('[INFO] ImportSpy check: nothing to check in a project of packaging pom')
['greeter-one', 'greeter-two'].each { module ->
    assert log.contains("${module}-1.0.jar (com.acme:${module} 1.0): COMPLIANT")
    def json = new JsonSlurper().parse(new File(basedir, "${module}/target/importspy/importspy.json"))
    assert json.compliant == true
    assert json.targets[0].target.endsWith("${module}-1.0.jar")
}
true
