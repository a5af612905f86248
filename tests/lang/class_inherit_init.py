class Animal:
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
    def speak(self):
        return "%s says %s" % (self.name, self.sound)
class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
class Puppy(Dog):
    def speak(self):
        return super().speak() + " (tiny)"
class Cat(Animal):
    pass
for a in [Animal("thing"), Dog("rex"), Puppy("bit"), Cat("tom", "meow")]:
    print(a.speak(), type(a).__name__, isinstance(a, Dog))
